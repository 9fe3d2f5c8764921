// The client registry: adding a client stack is one file plus one line here.
import type { Client } from './client.ts';
import { fetchClient } from './fetch.ts';
import { nodeHttpClient } from './node-http.ts';
import { undiciClient } from './undici.ts';

const registry = {
  undici: undiciClient,
  fetch: fetchClient,
  'node-http': nodeHttpClient,
} satisfies Record<string, Client>;

export type ClientName = keyof typeof registry;
/** Widened to the interface so callers use every client the same way. */
export const clients: Record<ClientName, Client> = registry;
export const CLIENT_NAMES = Object.keys(clients) as ClientName[];
export type { Client, ClientResponse, ClientSession } from './client.ts';
