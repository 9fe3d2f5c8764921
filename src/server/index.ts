// The local delay server: httpbin-compatible, loopback by default, every delay multiplied by timeScale.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { RequestContext, type ServerSettings } from './context.ts';
import { FAULT_HEADER } from '../protocol/headers.ts';
import { createFaultState } from './route.ts';
import { seededRandom } from '../stats/random.ts';
import { lazyLlmState } from './llm/lazy.ts';
import type { LlmOptions } from './llm/state.ts';
import { BadRequest, sendError, sendJson } from './respond.ts';
import { matchRoute } from './routes.ts';
import { memoByTarget } from './route-memo.ts';

export interface DelayServerOptions {
  port?: number;
  host?: string;
  /** Multiplies every delay: `/delay/2` at 0.01 sleeps 20 ms. */
  timeScale?: number;
  /** Longer delays are clamped to this (httpbin's behaviour); the clamp shows in Server-Timing. */
  maxDelayS?: number;
  maxBodyBytes?: number;
  /** Seeds weighted /status choices, /bytes and /flaky, so a run is reproducible. */
  seed?: number;
  /** Deadline from request arrival to response end (default: 30 s, or the longest delay + 5 s); past it: 503 if nothing was sent, else the socket is destroyed. */
  requestTimeoutMs?: number;
  /** Time a client gets to send its request headers (node's headersTimeout). */
  headersTimeoutMs?: number;
  /** Open connections beyond this are refused (node's maxConnections). */
  maxConnections?: number;
  /** The simulated LLM API (/v1/chat/completions, /v1/messages): rate limits, default preset, preset overrides. */
  llm?: LlmOptions;
}

export interface DelayServer {
  url: string;
  port: number;
  host: string;
  /** Requests the server has received since it started, whatever their route or outcome. */
  requestsReceived(): number;
  close(): Promise<void>;
}

export const DELAY_SERVER_DEFAULTS = {
  port: 0,
  host: '127.0.0.1',
  timeScale: 1,
  maxDelayS: 10,
  maxBodyBytes: 1024 * 1024,
  seed: 1,
  requestTimeoutMs: 30_000,
  headersTimeoutMs: 10_000,
  maxConnections: 2048,
  llm: {},
} as const;

/** Node's default (511) overflows when a load generator opens 1,000 connections at once: the
 *  dropped SYNs are retried a second later and show up as 1 s latencies. The kernel caps this at somaxconn. */
export const LISTEN_BACKLOG = 4096;

export async function startDelayServer(options: DelayServerOptions = {}): Promise<DelayServer> {
  const opts = { ...DELAY_SERVER_DEFAULTS, ...options };
  // Unless told otherwise, the deadline leaves room for the longest delay at this time scale.
  if (options.requestTimeoutMs === undefined) {
    opts.requestTimeoutMs = Math.max(DELAY_SERVER_DEFAULTS.requestTimeoutMs, opts.maxDelayS * 1000 * opts.timeScale + 5_000);
  }
  if (options.headersTimeoutMs === undefined) opts.headersTimeoutMs = Math.min(DELAY_SERVER_DEFAULTS.headersTimeoutMs, opts.requestTimeoutMs);
  if (!(opts.timeScale > 0) || !Number.isFinite(opts.timeScale)) throw new RangeError('timeScale must be a positive number');
  if (!(opts.maxDelayS >= 0)) throw new RangeError('maxDelayS must be a non-negative number');
  assertLimits(opts);
  const random = seededRandom(opts.seed);
  const sockets = new Set<Socket>();
  const faultState = createFaultState();
  let received = 0;

  const llm = lazyLlmState(opts.llm, opts.timeScale);

  const settings: ServerSettings = { timeScale: opts.timeScale, maxDelayS: opts.maxDelayS, maxBodyBytes: opts.maxBodyBytes, random, seed: opts.seed, faultState, llm };

  const route = memoByTarget((target, method) => {
    const pathname = pathOf(target);
    return pathname === null ? null : { pathname, match: matchRoute(pathname, method) };
  });

  const checkEveryMs = Math.max(50, Math.min(1000, opts.headersTimeoutMs / 4, opts.requestTimeoutMs / 4));
  const server: Server = createServer({ keepAlive: true, connectionsCheckingInterval: checkEveryMs }, (req, res) => {
    received += 1;
    const host = req.headers.host ?? `${opts.host}:${(server.address() as AddressInfo).port}`;
    const target = route(req.url ?? '/', req.method ?? 'GET');
    if (target === null) return sendError(res, 400, 'malformed request target');
    const { pathname, match } = target;
    if (match === null) return sendError(res, 404, `no route for ${pathname}`);
    if (match === 'method-not-allowed') return sendError(res, 405, `${req.method} not allowed on ${pathname}`);
    const ctx = new RequestContext(req, res, `http://${host}`, match.params, settings);
    try {
      match.route.handle(ctx)?.catch((error: unknown) => routeFailed(res, error));
    } catch (error) {
      routeFailed(res, error);
    }
    // Only a response still being written needs a deadline: a timer on every instant /get cost the
    // server a sizeable share of its throughput against a bare node:http server.
    if (!res.writableEnded && !match.route.bounded) armDeadline(res, opts.requestTimeoutMs);
  });
  server.keepAliveTimeout = 65_000;
  server.requestTimeout = opts.requestTimeoutMs;
  server.headersTimeout = opts.headersTimeoutMs;
  server.maxConnections = opts.maxConnections;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: opts.port, host: opts.host, backlog: LISTEN_BACKLOG }, () => {
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
    requestsReceived: () => received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

/** The longest any delay route may sleep must fit inside the request deadline, or every long delay would be cut. */
function assertLimits(opts: Required<DelayServerOptions>): void {
  for (const key of ['requestTimeoutMs', 'headersTimeoutMs', 'maxConnections', 'maxBodyBytes'] as const) {
    if (!(opts[key] > 0) || !Number.isFinite(opts[key])) throw new RangeError(`${key} must be a positive number`);
  }
  const maxServedMs = opts.maxDelayS * 1000 * opts.timeScale;
  // Node timers fire at once past 2^31 − 1 ms: such a delay or deadline would be a lie.
  if (opts.requestTimeoutMs > 2 ** 31 - 1) throw new RangeError(`requestTimeoutMs (${opts.requestTimeoutMs}) exceeds node's timer limit (2^31 − 1 ms)`);
  if (maxServedMs >= opts.requestTimeoutMs) {
    throw new RangeError(`requestTimeoutMs (${opts.requestTimeoutMs}) must exceed the longest served delay (${maxServedMs} ms = maxDelayS × 1000 × timeScale)`);
  }
  if (opts.headersTimeoutMs > opts.requestTimeoutMs) throw new RangeError('headersTimeoutMs must not exceed requestTimeoutMs');
}

/** The path of an origin-form request target ("/get?x=1" → "/get") without building a URL, which
 *  cost a few percent of the server's time per request; anything else (absolute or asterisk form,
 *  dot segments) is left to WHATWG URL parsing. Null when the target does not parse. */
export function pathOf(target: string): string | null {
  const query = target.indexOf('?');
  const path = query === -1 ? target : target.slice(0, query);
  if (path.startsWith('/') && !path.startsWith('//') && !path.includes('/.') && !path.includes('%') && !path.includes('\\')) return path;
  try {
    return new URL(target, 'http://x').pathname;
  } catch {
    return null;
  }
}

function armDeadline(res: ServerResponse, timeoutMs: number): void {
  const deadline = setTimeout(expire, timeoutMs, res);
  res.once('close', () => clearTimeout(deadline));
}

/** The request deadline passed: answer 503 if nothing was sent yet, otherwise cut the connection. */
function expire(res: ServerResponse): void {
  if (res.writableEnded) return;
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, 503, { status_code: 503, error: 'Service Unavailable', detail: 'response not finished within the request timeout' }, {
    [FAULT_HEADER]: 'request-timeout',
    connection: 'close',
  });
}

/** A route that threw: a BadRequest becomes its 4xx, anything else a 500, unless the response is gone. */
function routeFailed(res: ServerResponse, error: unknown): void {
  if (res.destroyed || res.headersSent) return;
  if (error instanceof BadRequest) sendError(res, error.statusCode, error.detail);
  else sendError(res, 500, 'internal error');
}
