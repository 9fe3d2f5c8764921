// The client registry: adding a client stack is one file plus one line here.
import type { Client } from './client.ts';
import { fetchClient } from './fetch.ts';
import { nodeHttpCloseClient } from './node-http-close.ts';
import { nodeHttpClient } from './node-http.ts';
import { undiciDispatchClient } from './undici-dispatch.ts';
import { undiciPoolClient } from './undici-pool.ts';
import { undiciClient } from './undici.ts';

const registry = {
  undici: undiciClient,
  fetch: fetchClient,
  'node-http': nodeHttpClient,
  'undici-pool': undiciPoolClient,
  'node-http-close': nodeHttpCloseClient,
  'undici-dispatch': undiciDispatchClient,
} satisfies Record<string, Client>;

export type ClientName = keyof typeof registry;
/** Widened to the interface so callers use every client the same way. */
export const clients: Record<ClientName, Client> = registry;
export const CLIENT_NAMES = Object.keys(clients) as ClientName[];
export type { Client, ClientResponse, ClientSession } from './client.ts';
