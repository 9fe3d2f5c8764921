// undici's request() API as its own stack (the default client was built on it until it moved to
// dispatch()): a Readable body and a promise per response, measurable beside the others.
import { Agent, request, type Dispatcher } from 'undici';
import { now, type Client } from './client.ts';
import { readUndiciResponse } from './undici-response.ts';

/** The request() client over any dispatcher factory; tests pass one that returns a MockAgent. */
export function createUndiciRequestClient(makeDispatcher: (connections: number) => Dispatcher) {
  return {
    name: 'undici-request',
    description: 'undici request() on a shared keep-alive Agent (Readable body per response)',
    open({ connections }) {
      const dispatcher = makeDispatcher(connections);
      return {
        async request({ url, signal, method = 'GET', headers, body }) {
          const startMs = now();
          const res = await request(url, { dispatcher, method, signal, ...(headers ? { headers } : {}), ...(body === undefined ? {} : { body }) });
          return readUndiciResponse(res, startMs, now());
        },
        close: () => dispatcher.close(),
      };
    },
  } satisfies Client;
}

export const undiciRequestClient = createUndiciRequestClient(
  (connections) => new Agent({ connections, keepAliveTimeout: 30_000, pipelining: 1 }),
);
