import { Agent, request, type Dispatcher } from 'undici';
import { now, type Client } from './client.ts';
import { readUndiciResponse } from './undici-response.ts';

/** The undici client over any dispatcher factory; tests pass one that returns a MockAgent. */
export function createUndiciClient(makeDispatcher: (connections: number) => Dispatcher) {
  return {
    name: 'undici',
    description: 'undici request() on a shared keep-alive Agent',
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

export const undiciClient = createUndiciClient(
  (connections) => new Agent({ connections, keepAliveTimeout: 30_000, pipelining: 1 }),
);
