import { Agent, type Dispatcher } from 'undici';
import { ChunkCollector, finishedResponse, isEventStream, now, type Client, type ClientResponse, type HeaderMap } from './client.ts';

/**
 * undici's dispatch() with a minimal handler: no Readable body stream and no promise per chunk,
 * the least a request through undici can cost. Bodies are counted, not kept.
 */
export const undiciDispatchClient = {
  name: 'undici-dispatch',
  description: 'undici Agent.dispatch() with a minimal handler (no body stream)',
  open({ connections }) {
    const agent = new Agent({ connections, keepAliveTimeout: 30_000, pipelining: 1 });
    return {
      request: ({ url, signal, method = 'GET', headers, body }) =>
        new Promise<ClientResponse>((resolve, reject) => {
          const { origin, path } = splitUrl(url);
          const startMs = now();
          let firstByteMs = startMs;
          let status = 0;
          let bytes = 0;
          // Kept by reference, read only if the harness asks (Retry-After): no copy per request.
          let responseHeaders: HeaderMap = {};
          let stream: ChunkCollector | null = null;
          let controller: Dispatcher.DispatchController | undefined;
          const onAbort = (): void => controller?.abort(signal.reason);
          const settle = (): void => signal.removeEventListener('abort', onAbort);
          signal.addEventListener('abort', onAbort, { once: true });
          agent.dispatch(
            { origin, path, method: method as Dispatcher.HttpMethod, ...(headers ? { headers } : {}), ...(body === undefined ? {} : { body }) },
            {
              onRequestStart(ctl) {
                controller = ctl;
                if (signal.aborted) ctl.abort(signal.reason);
              },
              onResponseStart(_ctl, statusCode, headers) {
                firstByteMs = now();
                status = statusCode;
                responseHeaders = headers as HeaderMap;
                if (isEventStream(responseHeaders['content-type'])) stream = new ChunkCollector();
              },
              onResponseData(_ctl, chunk) {
                bytes += chunk.length;
                stream?.add(chunk);
              },
              onResponseEnd() {
                settle();
                resolve(finishedResponse(status, bytes, startMs, firstByteMs, responseHeaders, stream?.finish()));
              },
              onResponseError(_ctl, error) {
                settle();
                reject(signal.aborted ? signal.reason : error);
              },
            },
          );
        }),
      close: () => agent.close(),
    };
  },
} satisfies Client;

/** Origin and path of an absolute http(s) URL, without building a URL object per request. */
export function splitUrl(url: string): { origin: string; path: string } {
  const hostStart = url.indexOf('//') + 2;
  const slash = url.indexOf('/', hostStart);
  const query = url.indexOf('?', hostStart);
  const cut = slash === -1 ? query : query === -1 ? slash : Math.min(slash, query);
  if (hostStart < 2 || cut === -1) return { origin: url, path: '/' };
  const path = url.slice(cut);
  return { origin: url.slice(0, cut), path: path.startsWith('/') ? path : `/${path}` };
}
