// node:http/https client channels (axios, got and most SDKs' Node transports go through them).
// `http.client.response.finish` fires when the response HEADERS are parsed, so the body's end comes
// from the response's 'end'/'close' events. `http.client.request.error` exists on recent Nodes only
// (it fires on 20.20); without it a request that closes with no response still ends, marked incomplete.
// Only 'end' and 'close' listeners are added: a 'data' listener would switch the caller's stream to
// flowing mode and an 'error' listener would swallow errors the caller should see.
import type { ClientRequest, IncomingMessage } from 'node:http';
import type { Entry, SeenHeaders } from './entry.ts';
import { parseLength } from './undici-channels.ts';
import type { Tracker } from './tracker.ts';

export const HTTP_CHANNELS = {
  start: 'http.client.request.start',
  response: 'http.client.response.finish',
  error: 'http.client.request.error',
} as const;

interface StartMessage {
  request: ClientRequest;
}
interface ResponseMessage {
  request: ClientRequest;
  response: IncomingMessage;
}
interface ErrorMessage {
  request: ClientRequest;
  error: unknown;
}

export function httpHandlers(tracker: Tracker<object>): Record<string, (message: unknown) => void> {
  return {
    [HTTP_CHANNELS.start]: (message) => {
      const { request } = message as StartMessage;
      const entry = tracker.begin(request, () => identityOf(request), false);
      if (entry !== undefined) request.once('close', () => requestClosed(tracker, request));
    },
    [HTTP_CHANNELS.response]: (message) => {
      const { request, response } = message as ResponseMessage;
      const entry = tracker.get(request);
      if (entry === undefined) return;
      entry.headers(performance.now(), httpHeaders(response));
      response.once('end', () => tracker.get(request)?.complete(performance.now()));
      response.once('close', () => responseClosed(tracker.get(request), response));
    },
    [HTTP_CHANNELS.error]: (message) => {
      const { request, error } = message as ErrorMessage;
      tracker.get(request)?.fail(performance.now(), error);
    },
  };
}

function identityOf(request: ClientRequest) {
  const host = request.getHeader('host');
  return {
    via: 'node:http' as const,
    method: request.method,
    origin: `${request.protocol}//${typeof host === 'string' ? host : request.host}`,
    path: request.path,
  };
}

export function httpHeaders(response: IncomingMessage): SeenHeaders {
  const timing = response.headers['server-timing'];
  return {
    status: response.statusCode ?? 0,
    serverTiming: timing === undefined ? null : Array.isArray(timing) ? timing.join(', ') : timing,
    contentLength: parseLength(response.headers['content-length']),
  };
}

/** The response closed without 'end' (still followed means no 'end' came first). */
function responseClosed(entry: Entry | undefined, response: IncomingMessage): void {
  if (entry === undefined || entry.ended) return;
  const atMs = performance.now();
  if (response.complete) {
    // The whole body had arrived but was not read to its end: it ended no later than this.
    entry.complete(atMs);
    entry.incomplete.push('body end not observed (not read to its end); end taken at the response close');
    return;
  }
  entry.fail(atMs, response.errored ?? { code: 'ERR_STREAM_PREMATURE_CLOSE', message: 'the response closed before its body ended' });
}

/** The request closed: only meaningful when no response came and no error event was seen. */
function requestClosed(tracker: Tracker<object>, request: ClientRequest): void {
  const entry = tracker.get(request);
  if (entry === undefined || entry.ended || entry.firstByteMs !== undefined) return;
  const error = (request as { errored?: unknown }).errored;
  if (error) entry.fail(performance.now(), error);
  else entry.fail(performance.now(), { code: 'ERR_STREAM_PREMATURE_CLOSE', message: 'the request closed before any response' }, 'closed with no response and no error event (this Node publishes no request error)');
}
