// The local delay server: httpbin-compatible, loopback by default, every delay multiplied by timeScale.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { RequestBody } from './echo.ts';
import { seededRandom } from './random.ts';
import { BadRequest, sendError } from './respond.ts';
import { matchRoute, type RouteContext } from './routes.ts';

export interface DelayServerOptions {
  port?: number;
  host?: string;
  /** Multiplies every delay: `/delay/2` at 0.01 sleeps 20 ms. */
  timeScale?: number;
  /** Longer delays are clamped to this (httpbin's behaviour); the clamp shows in Server-Timing. */
  maxDelayS?: number;
  maxBodyBytes?: number;
  /** Seeds weighted /status choices and /bytes, so a run is reproducible. */
  seed?: number;
  /** Listen queue length; Node's default 511 drops SYNs when a thousand clients connect at once. */
  backlog?: number;
}

export interface DelayServer {
  url: string;
  port: number;
  host: string;
  close(): Promise<void>;
}

export const DELAY_SERVER_DEFAULTS = {
  port: 0,
  host: '127.0.0.1',
  timeScale: 1,
  maxDelayS: 10,
  maxBodyBytes: 1024 * 1024,
  seed: 1,
  backlog: 4096,
} as const;

export async function startDelayServer(options: DelayServerOptions = {}): Promise<DelayServer> {
  const opts = { ...DELAY_SERVER_DEFAULTS, ...options };
  if (!(opts.timeScale > 0) || !Number.isFinite(opts.timeScale)) throw new RangeError('timeScale must be a positive number');
  if (!(opts.maxDelayS >= 0)) throw new RangeError('maxDelayS must be a non-negative number');
  const random = seededRandom(opts.seed);
  const sockets = new Set<Socket>();

  const server: Server = createServer({ keepAlive: true }, (req, res) => {
    // The request's signal is made only when a route asks for it, and aborted only when the response
    // is cut short: making and aborting one per request (an AbortError DOMException and an event each)
    // cost ~15 % of the server's CPU at 20k req/s. close() destroys every socket, which closes every
    // unfinished response, so no server-wide signal has to be combined in.
    let requestDone: AbortController | undefined;
    res.on('close', () => {
      if (!res.writableFinished) (requestDone ??= new AbortController()).abort();
    });
    const host = req.headers.host ?? `${opts.host}:${(server.address() as AddressInfo).port}`;
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${host}`);
    } catch {
      sendError(res, 400, 'malformed request target');
      return;
    }
    const match = matchRoute(url.pathname, req.method ?? 'GET');
    if (match === null) return sendError(res, 404, `no route for ${url.pathname}`);
    if (match === 'method-not-allowed') return sendError(res, 405, `${req.method} not allowed on ${url.pathname}`);
    const ctx: RouteContext = {
      req,
      res,
      url,
      origin: req.socket.remoteAddress ?? '',
      params: match.params,
      readBody: () => readBody(req, opts.maxBodyBytes),
      timeScale: opts.timeScale,
      maxDelayS: opts.maxDelayS,
      maxBodyBytes: opts.maxBodyBytes,
      random,
      get signal() {
        return (requestDone ??= new AbortController()).signal;
      },
    };
    Promise.resolve()
      .then(() => match.route.handle(ctx))
      .catch((error: unknown) => {
        if (ctx.signal.aborted || res.headersSent) return;
        if (error instanceof BadRequest) sendError(res, error.statusCode, error.detail);
        else sendError(res, 500, 'internal error');
      });
  });
  server.keepAliveTimeout = 65_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: opts.port, host: opts.host, backlog: opts.backlog }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${hostForUrl}:${address.port}`,
    port: address.port,
    host: address.address,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

async function readBody(req: IncomingMessage, maxBytes: number): Promise<RequestBody> {
  // HTTP/1.1 without Content-Length or Transfer-Encoding has no body: skip the stream iterator,
  // which cost a few percent of the server's CPU on every GET at high request rates.
  if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) {
    return { text: '', contentType: req.headers['content-type'] ?? '' };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new BadRequest(`request body larger than ${maxBytes} bytes`, 413);
    chunks.push(chunk);
  }
  return { text: Buffer.concat(chunks).toString('utf8'), contentType: req.headers['content-type'] ?? '' };
}
