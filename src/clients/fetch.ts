import { now, type Client } from './client.ts';

export const fetchClient = {
  name: 'fetch',
  description: "Node's global fetch (its bundled undici, default keep-alive dispatcher)",
  open() {
    return {
      async request({ url, signal, method = 'GET', headers, body }) {
        const startMs = now();
        const res = await fetch(url, { method, signal, ...(headers ? { headers } : {}), ...(body === undefined ? {} : { body }) });
        const firstByteMs = now();
        let bytes = 0;
        if (res.body) for await (const chunk of res.body) bytes += chunk.byteLength;
        return {
          status: res.status,
          bytes,
          startMs,
          firstByteMs,
          endMs: now(),
          serverTiming: res.headers.get('server-timing'),
          header: (name: string) => res.headers.get(name),
        };
      },
      close: async () => {},
    };
  },
} satisfies Client;
