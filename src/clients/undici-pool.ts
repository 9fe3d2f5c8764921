import { Pool } from 'undici';
import { headerText, now, type Client } from './client.ts';

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
      async request({ url, signal, method = 'GET', headers }) {
        const target = new URL(url);
        const startMs = now();
        const res = await poolFor(target.origin).request({ path: `${target.pathname}${target.search}`, method: method as 'GET', signal, ...(headers ? { headers } : {}) });
        const firstByteMs = now();
        let bytes = 0;
        for await (const chunk of res.body) bytes += (chunk as Buffer).length;
        return {
          status: res.statusCode,
          bytes,
          startMs,
          firstByteMs,
          endMs: now(),
          serverTiming: headerText(res.headers['server-timing']),
          header: (name: string) => headerText(res.headers[name]),
        };
      },
      close: async () => {
        await Promise.all([...pools.values()].map((pool) => pool.close()));
      },
    };
  },
} satisfies Client;
