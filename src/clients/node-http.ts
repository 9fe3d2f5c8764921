// Through the module object, not a named import, so interceptors that patch http.request (nock) see our calls.
import http from 'node:http';
import { ChunkCollector, finishedResponse, isEventStream, now, type Client, type ClientRequest, type ClientResponse } from './client.ts';

export const nodeHttpClient = {
  name: 'node-http',
  description: 'node:http request() with a keep-alive Agent',
  open({ connections }) {
    const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
    return { request: requestThrough(agent), close: async () => agent.destroy() };
  },
} satisfies Client;

/** One request through a node:http Agent, body read whole; shared by the keep-alive and per-request-socket stacks. */
export function requestThrough(agent: http.Agent): (request: ClientRequest) => Promise<ClientResponse> {
  return ({ url, signal, method = 'GET', headers, body }) =>
    new Promise<ClientResponse>((resolve, reject) => {
      const startMs = now();
      const req = http.request(url, { agent, method, signal, ...(headers ? { headers } : {}) }, (res) => {
        const firstByteMs = now();
        let bytes = 0;
        const stream = isEventStream(res.headers['content-type']) ? new ChunkCollector() : null;
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          stream?.add(chunk);
        });
        res.on('error', reject);
        res.on('end', () => {
          resolve(finishedResponse(res.statusCode ?? 0, bytes, startMs, firstByteMs, res.headers, stream?.finish()));
        });
      });
      req.on('error', (error) => reject(signal.aborted ? signal.reason : error));
      // end(body) before the headers are sent: node sets Content-Length from it.
      req.end(body);
    });
}
