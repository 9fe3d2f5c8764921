// Fault routes: what real AI APIs do on a bad day — rate limits, resets, hangs, slow bodies,
// garbage with a 200, random failures. Every injected fault carries `x-fanout-fault: <name>` so a
// client (or a test) can tell a deliberate fault from a bug. Randomness comes from the server's seed.
import { setTimeout as sleep } from 'node:timers/promises';
import { echoRequest } from './echo.ts';
import { parseCount, parseSeconds } from './params.ts';
import { keyedUnit } from '../stats/random.ts';
import { FAULT_HEADER, REQUEST_ID_HEADER, WARMUP_HEADER } from '../protocol/headers.ts';
import { serverTiming } from '../protocol/server-timing.ts';
import { BadRequest, sendJson } from './respond.ts';
import type { Route, RouteContext } from './route.ts';

/** Rate-limit windows kept per server; the oldest is dropped beyond this, so random keys cannot grow memory. */
const MAX_RATE_LIMIT_KEYS = 1000;
const MAX_KEY_LENGTH = 100;
/** /drip writes at most this many chunks however many bytes are asked for (httpbin writes byte by byte). */
const MAX_DRIP_CHUNKS = 100;
/** Bytes /reset and /hang declare in content-length before failing to deliver them. */
const DECLARED_BYTES = 1024;


const fault = (name: string): Record<string, string> => ({ [FAULT_HEADER]: name });

function query(ctx: RouteContext, name: string): string | null {
  return ctx.url.searchParams.get(name);
}

function secondsParam(ctx: RouteContext, name: string, fallback: number): number {
  const raw = query(ctx, name);
  return raw === null ? fallback : parseSeconds(raw);
}

function countParam(ctx: RouteContext, name: string, fallback: number, max: number): number {
  const raw = query(ctx, name);
  return raw === null ? fallback : parseCount(raw, name, max);
}

function probabilityParam(ctx: RouteContext, name: string, fallback: number): number {
  const raw = query(ctx, name);
  if (raw === null) return fallback;
  const p = parseSeconds(raw); // same grammar: a non-negative decimal
  if (p > 1) throw new BadRequest(`${name} must be a probability in [0, 1], got ${raw}`);
  return p;
}

function errorCodeParam(ctx: RouteContext, fallback: number): number {
  const code = countParam(ctx, 'code', fallback, 599);
  if (code < 400) throw new BadRequest(`code must be an error status in [400, 599], got ${code}`);
  return code;
}

/** OpenAI's reset format: `20ms`, `1s`, `1.5s`. */
export function formatResetDuration(ms: number): string {
  if (ms < 1000) return `${Math.ceil(ms)}ms`;
  return `${Number((ms / 1000).toFixed(3))}s`;
}

/** Stops until the request is over (client gone, server deadline or shutdown). */
const untilAborted = (signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true })));

/** Waits for buffered bytes to reach the socket, then sends a TCP RST instead of a clean close. */
function resetConnection(ctx: RouteContext): void {
  const socket = ctx.req.socket;
  if (socket.destroyed) return;
  socket.resetAndDestroy();
}

export const faultRoutes: Route[] = [
  {
    // A fixed-window limiter: `limit` requests per `window_s` per `key`; beyond that 429 with
    // retry-after (whole seconds, as HTTP has it) and retry-after-ms (exact, time-scaled).
    pattern: /^\/ratelimit\/?$/,
    methods: 'any',
    handle: (ctx) => {
      const limit = countParam(ctx, 'limit', 5, 1_000_000);
      if (limit < 1) throw new BadRequest('limit must be at least 1');
      const windowMs = Math.min(secondsParam(ctx, 'window_s', 1), ctx.maxDelayS) * 1000 * ctx.timeScale;
      const key = query(ctx, 'key') ?? 'default';
      if (key.length > MAX_KEY_LENGTH) throw new BadRequest(`key must be at most ${MAX_KEY_LENGTH} characters`);
      // Warm-up runs must not spend the quota the measured runs will meet.
      if (ctx.req.headers[WARMUP_HEADER] !== undefined) return sendJson(ctx.res, 200, echoRequest(ctx.req, ctx.url, ctx.origin), { 'server-timing': serverTiming(0) });
      const nowMs = performance.now();
      let window = ctx.faultState.windows.get(key);
      if (window === undefined || nowMs - window.startMs >= windowMs) {
        window = { startMs: nowMs, count: 0 };
        ctx.faultState.windows.delete(key);
        ctx.faultState.windows.set(key, window);
        if (ctx.faultState.windows.size > MAX_RATE_LIMIT_KEYS) {
          const oldest = ctx.faultState.windows.keys().next().value;
          if (oldest !== undefined) ctx.faultState.windows.delete(oldest);
        }
      }
      window.count += 1;
      const resetMs = Math.max(0, window.startMs + windowMs - nowMs);
      const headers = {
        'x-ratelimit-limit-requests': String(limit),
        'x-ratelimit-remaining-requests': String(Math.max(0, limit - window.count)),
        'x-ratelimit-reset-requests': formatResetDuration(resetMs),
        'server-timing': serverTiming(0),
      };
      if (window.count <= limit) return sendJson(ctx.res, 200, echoRequest(ctx.req, ctx.url, ctx.origin), headers);
      sendJson(
        ctx.res,
        429,
        { error: { message: `Rate limit reached: ${limit} requests per ${formatResetDuration(windowMs)}`, type: 'requests', code: 'rate_limit_exceeded' } },
        { ...headers, ...fault('ratelimit'), 'retry-after': String(Math.max(1, Math.ceil(resetMs / 1000))), 'retry-after-ms': String(Math.ceil(resetMs)) },
      );
    },
  },
  {
    // Connection reset: `at=headers` before any response, `at=body` (default) after `bytes` of a longer body.
    pattern: /^\/reset\/?$/,
    methods: 'any',
    handle: async (ctx) => {
      const at = query(ctx, 'at') ?? 'body';
      if (at !== 'headers' && at !== 'body') throw new BadRequest(`at must be "headers" or "body", got "${at}"`);
      const bytes = countParam(ctx, 'bytes', 64, DECLARED_BYTES - 1);
      const delayMs = Math.min(secondsParam(ctx, 'delay', 0), ctx.maxDelayS) * 1000 * ctx.timeScale;
      await sleep(delayMs, undefined, { signal: ctx.signal });
      if (at === 'headers') return resetConnection(ctx);
      ctx.res.writeHead(200, { 'content-type': 'application/json', 'content-length': DECLARED_BYTES, ...fault('reset') });
      ctx.res.write('{"partial": "'.concat('x'.repeat(bytes)).slice(0, bytes));
      // Let the partial body reach the wire before the RST, so the client sees headers then a reset.
      await sleep(5, undefined, { signal: ctx.signal });
      resetConnection(ctx);
    },
  },
  {
    // A hang: `phase=headers` (default) never sends a status line, `phase=body` sends headers and a
    // little of the body, then nothing. The server's request deadline ends both.
    pattern: /^\/hang\/?$/,
    methods: 'any',
    handle: async (ctx) => {
      const phase = query(ctx, 'phase') ?? 'headers';
      if (phase !== 'headers' && phase !== 'body') throw new BadRequest(`phase must be "headers" or "body", got "${phase}"`);
      if (phase === 'body') {
        ctx.res.writeHead(200, { 'content-type': 'application/json', 'content-length': DECLARED_BYTES, ...fault('hang') });
        ctx.res.write('{"partial": ');
      }
      await untilAborted(ctx.signal);
    },
  },
  {
    // httpbin's /drip: after `delay` s, `numbytes` asterisks spread over `duration` s; delay and
    // duration together are clamped to the max delay.
    pattern: /^\/drip\/?$/,
    methods: ['GET'],
    handle: async (ctx) => {
      const code = countParam(ctx, 'code', 200, 599);
      if (code < 200) throw new BadRequest(`code must be in [200, 599], got ${code}`);
      const numBytes = countParam(ctx, 'numbytes', 10, ctx.maxBodyBytes);
      const delayS = Math.min(secondsParam(ctx, 'delay', 0), ctx.maxDelayS);
      const durationS = Math.min(secondsParam(ctx, 'duration', 2), ctx.maxDelayS - delayS);
      const delayMs = delayS * 1000 * ctx.timeScale;
      await sleep(delayMs, undefined, { signal: ctx.signal });
      ctx.res.writeHead(code, {
        'content-type': 'application/octet-stream',
        'content-length': numBytes,
        'server-timing': serverTiming(delayMs),
        ...fault('drip'),
      });
      const chunks = Math.min(numBytes, MAX_DRIP_CHUNKS);
      const pauseMs = chunks > 0 ? (durationS * 1000 * ctx.timeScale) / chunks : 0;
      let sent = 0;
      for (let i = 0; i < chunks; i++) {
        await sleep(pauseMs, undefined, { signal: ctx.signal });
        const size = Math.floor((numBytes * (i + 1)) / chunks) - sent;
        ctx.res.write('*'.repeat(size));
        sent += size;
      }
      ctx.res.end();
    },
  },
  {
    // A 200 with a JSON content type and a body that is not JSON: `kind=truncated` (default) or `html`.
    pattern: /^\/malformed\/?$/,
    methods: 'any',
    handle: (ctx) => {
      const kind = query(ctx, 'kind') ?? 'truncated';
      const bodies: Record<string, string> = {
        truncated: '{"id": "chatcmpl-1", "object": "chat.completion", "choices": [{"index": 0, "message": {"role": "assistant", "content": "Hel',
        html: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>\n',
      };
      const body = bodies[kind];
      if (body === undefined) throw new BadRequest(`kind must be one of ${Object.keys(bodies).join(', ')}, got "${kind}"`);
      ctx.res.writeHead(200, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        'server-timing': serverTiming(0),
        ...fault('malformed'),
      });
      ctx.res.end(body);
    },
  },
  {
    // Fails with probability `p` (default 0.5) with status `code` (default 503): drawn from the seeded PRNG,
    // or keyed by the harness's request id so that every strategy meets the same failures.
    pattern: /^\/flaky\/?$/,
    methods: 'any',
    handle: async (ctx) => {
      const p = probabilityParam(ctx, 'p', 0.5);
      const code = errorCodeParam(ctx, 503);
      const delayMs = Math.min(secondsParam(ctx, 'delay', 0), ctx.maxDelayS) * 1000 * ctx.timeScale;
      const id = ctx.req.headers[REQUEST_ID_HEADER];
      const fails = (typeof id === 'string' ? keyedUnit(ctx.seed, id) : ctx.random()) < p;
      await sleep(delayMs, undefined, { signal: ctx.signal });
      const timing = { 'server-timing': serverTiming(delayMs) };
      if (!fails) return sendJson(ctx.res, 200, echoRequest(ctx.req, ctx.url, ctx.origin), timing);
      sendJson(ctx.res, code, { status_code: code, error: 'Injected failure', detail: `flaky: failed with p=${p}` }, { ...timing, ...fault('flaky') });
    },
  },
];
