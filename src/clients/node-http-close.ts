import { Agent } from 'node:http';
import type { Client } from './client.ts';
import { requestThrough } from './node-http.ts';

/** A new TCP connection per request (`Connection: close`): what code without a keep-alive agent pays. */
export const nodeHttpCloseClient = {
  name: 'node-http-close',
  description: 'node:http request() without keep-alive: one connection per request',
  open({ connections }) {
    const agent = new Agent({ keepAlive: false, maxSockets: connections });
    return { request: requestThrough(agent), close: async () => agent.destroy() };
  },
} satisfies Client;
