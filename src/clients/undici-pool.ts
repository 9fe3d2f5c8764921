import { Pool } from 'undici';
import { now, type Client } from './client.ts';
import { readUndiciResponse } from './undici-response.ts';

/** undici Pool: one per origin, skipping the Agent's origin lookup; requests by path. */
export const undiciPoolClient = {
  name: 'undici-pool',
  description: 'undici Pool.request() per origin, keep-alive',
  open({ connections }) {
    const pools = new Map<string, Pool>();
    const poolFor = (origin: string): Pool => {
      let pool = pools.get(origin);
      if (!pool) pools.set(origin, (pool = new Pool(origin, { connections, keepAliveTimeout: 30_000, pipelining: 1 })));
      return pool;
    };
    return {
      async request({ url, signal, method = 'GET', headers, body }) {
        const target = new URL(url);
        const startMs = now();
        const res = await poolFor(target.origin).request({ path: `${target.pathname}${target.search}`, method: method as 'GET', signal, ...(headers ? { headers } : {}), ...(body === undefined ? {} : { body }) });
        return readUndiciResponse(res, startMs, now());
      },
      close: async () => {
        await Promise.all([...pools.values()].map((pool) => pool.close()));
      },
    };
  },
} satisfies Client;
