import { ChunkCollector, isEventStream, now, type Client } from './client.ts';

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
        const stream = isEventStream(res.headers.get('content-type')) ? new ChunkCollector() : null;
        if (res.body) {
          for await (const chunk of res.body) {
            bytes += chunk.byteLength;
            stream?.add(chunk);
          }
        }
        return {
          status: res.status,
          bytes,
          startMs,
          firstByteMs,
          endMs: now(),
          serverTiming: res.headers.get('server-timing'),
          header: (name: string) => res.headers.get(name),
          ...(stream ? { chunks: stream.finish() } : {}),
        };
      },
      close: async () => {},
    };
  },
} satisfies Client;
