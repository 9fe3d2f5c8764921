import { Agent, request } from 'undici';
import { headerText, now, type Client } from './client.ts';

export const undiciClient = {
  name: 'undici',
  description: 'undici request() on a shared keep-alive Agent',
  open({ connections }) {
    const agent = new Agent({ connections, keepAliveTimeout: 30_000, pipelining: 1 });
    return {
      async request({ url, signal, method = 'GET' }) {
        const startMs = now();
        const res = await request(url, { dispatcher: agent, method, signal });
        const firstByteMs = now();
        let bytes = 0;
        for await (const chunk of res.body) bytes += (chunk as Buffer).length;
        const timing = res.headers['server-timing'];
        return {
          status: res.statusCode,
          bytes,
          startMs,
          firstByteMs,
          endMs: now(),
          serverTiming: Array.isArray(timing) ? timing.join(', ') : (timing ?? null),
          header: (name: string) => headerText(res.headers[name]),
        };
      },
      close: () => agent.close(),
    };
  },
} satisfies Client;
