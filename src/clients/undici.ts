// The default client: undici's dispatch() on one shared keep-alive Agent with a minimal handler
// (src/clients/undici-dispatch.ts). undici's request() API is its own stack, `undici-request`.
import { Agent, type Dispatcher } from 'undici';
import type { Client, ClientResponse } from './client.ts';
import { DispatchExchange, splitUrl } from './undici-dispatch.ts';

/** Distinct URLs whose dispatch options are kept; past this the cache starts over (a run has a few). */
const MAX_CACHED_URLS = 256;

/** The undici client over any dispatcher factory; tests pass one that returns a MockAgent. */
export function createUndiciClient(makeDispatcher: (connections: number) => Dispatcher) {
  return {
    name: 'undici',
    description: 'undici Agent.dispatch() with a minimal handler, shared keep-alive Agent',
    open({ connections }) {
      const dispatcher = makeDispatcher(connections);
      // A plain GET's options are the same object every time for its URL (undici only reads them).
      const plainGets = new Map<string, Dispatcher.DispatchOptions>();
      const plainGet = (url: string): Dispatcher.DispatchOptions => {
        let options = plainGets.get(url);
        if (options === undefined) {
          if (plainGets.size >= MAX_CACHED_URLS) plainGets.clear();
          plainGets.set(url, (options = { ...splitUrl(url), method: 'GET' }));
        }
        return options;
      };
      return {
        request({ url, signal, method = 'GET', headers, body }) {
          if (signal.aborted) return Promise.reject(signal.reason);
          const options: Dispatcher.DispatchOptions =
            method === 'GET' && headers === undefined && body === undefined
              ? plainGet(url)
              : { ...splitUrl(url), method: method as Dispatcher.HttpMethod, ...(headers ? { headers } : {}), ...(body === undefined ? {} : { body }) };
          return new Promise<ClientResponse>((resolve, reject) => {
            dispatcher.dispatch(options, new DispatchExchange(signal, resolve, reject));
          });
        },
        close: () => dispatcher.close(),
      };
    },
  } satisfies Client;
}

export const undiciClient = createUndiciClient(
  (connections) => new Agent({ connections, keepAliveTimeout: 30_000, pipelining: 1 }),
);
