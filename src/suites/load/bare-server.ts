// The bare comparison server: node:http answering, per path, the very bytes the delay server
// sent for it (status, content headers, body), after the same served delay. Whatever the delay
// server does beyond this (routing, echoing, JSON, timers per request) shows as its overhead.
import { createServer, request, type OutgoingHttpHeaders } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { LISTEN_BACKLOG } from '../../server/index.ts';

export interface CannedReply {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
  /** Served before answering, as the delay server does for /delay/n. */
  delayMs: number;
}

/** Headers node:http adds by itself, so copying them would duplicate or falsify them. */
const TRANSPORT_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

/** One GET with the request line and headers autocannon sends (Host, then Connection: keep-alive). */
export function captureReply(baseUrl: string, path: string, delayMs: number): Promise<CannedReply> {
  const url = new URL(path, baseUrl);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, agent: false, headers: { Host: url.host, Connection: 'keep-alive' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const headers: OutgoingHttpHeaders = {};
          for (const [name, value] of Object.entries(res.headers)) if (value !== undefined && !TRANSPORT_HEADERS.has(name)) headers[name] = value;
          resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks), delayMs });
          req.destroy();
        });
      },
    );
    req.setTimeout(delayMs + 10_000, () => req.destroy(new Error(`capturing ${path} from the delay server timed out`)));
    req.on('error', reject);
    req.end();
  });
}

export interface BareServer {
  url: string;
  close(): Promise<void>;
}

export async function startBareServer(replies: ReadonlyMap<string, CannedReply>): Promise<BareServer> {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer({ keepAlive: true }, (req, res) => {
    const reply = replies.get(req.url ?? '');
    if (!reply) {
      res.writeHead(404, { 'content-length': 0 });
      res.end();
      return;
    }
    const send = (): void => {
      res.writeHead(reply.status, reply.headers);
      res.end(reply.body);
    };
    if (reply.delayMs <= 0) return send();
    const timer = setTimeout(() => {
      timers.delete(timer);
      send();
    }, reply.delayMs);
    timers.add(timer);
  });
  server.keepAliveTimeout = 65_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1', backlog: LISTEN_BACKLOG }, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
