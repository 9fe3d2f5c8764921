// The client stacks' names, without loading any of them (flag parsing and --help need only the names).
export const CLIENT_NAMES = ['undici', 'fetch', 'node-http', 'undici-pool', 'node-http-close', 'undici-request'] as const;
export type ClientName = (typeof CLIENT_NAMES)[number];
