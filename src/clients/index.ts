// The client registry: adding a client stack is one file plus one line here and its name in names.ts
// (the type checker refuses either without the other).
import type { Client } from './client.ts';
import { fetchClient } from './fetch.ts';
import type { ClientName } from './names.ts';
import { nodeHttpCloseClient } from './node-http-close.ts';
import { nodeHttpClient } from './node-http.ts';
import { undiciPoolClient } from './undici-pool.ts';
import { undiciRequestClient } from './undici-request.ts';
import { undiciClient } from './undici.ts';

const registry = {
  undici: undiciClient,
  fetch: fetchClient,
  'node-http': nodeHttpClient,
  'undici-pool': undiciPoolClient,
  'node-http-close': nodeHttpCloseClient,
  'undici-request': undiciRequestClient,
} satisfies Record<ClientName, Client>;

/** Widened to the interface so callers use every client the same way. */
export const clients: Record<ClientName, Client> = registry;
export { CLIENT_NAMES, type ClientName } from './names.ts';
export type { Client, ClientResponse, ClientSession, StreamChunk } from './client.ts';
