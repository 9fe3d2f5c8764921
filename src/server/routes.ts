// httpbin-compatible routes. Each handler gets a parsed context and writes one response.
import { echoBody, echoHeaders, echoRequest, type RequestBody } from './echo.ts';
import { faultRoutes } from './faults.ts';
import type { ServerResponse } from 'node:http';
import type { Route, RouteContext } from './route.ts';
import { requestHasBody } from './context.ts';
import { parseCount, parseSeconds, parseStatusCodes, pickWeighted } from './params.ts';
import { seededRandom } from '../stats/random.ts';
import { WARMUP_HEADER } from '../protocol/headers.ts';
import { serverTiming } from '../protocol/server-timing.ts';
import { BadRequest, sendJson, sendJsonBytes } from './respond.ts';
import { cachedEchoBody } from './echo-cache.ts';
import { llmRoutes } from './llm/routes.ts';

const ANY = 'any';
const MAX_STREAM_LINES = 100;

const TEAPOT = `
    -=[ teapot ]=-

       _...._
     .'  _ _ \`.
    | ."\` ^ \`". _,
    \\_;\`"---"\`|//
      |       ;/
      \\_     _/
        \`"""\`
`;

export const routes: Route[] = [
  {
    pattern: /^\/get\/?$/,
    methods: ['GET', 'HEAD'],
    handle: (ctx) =>
      sendJsonBytes(ctx.res, 200, cachedEchoBody(ctx.req, ctx.origin, () => echoRequest(ctx.req, ctx.url, ctx.origin)), NO_DELAY_TIMING),
  },
  {
    pattern: /^\/delay\/([^/]+)\/?$/,
    methods: ANY,
    bounded: true,
    handle: (ctx) => {
      const requestedS = parseSeconds(ctx.params[0] ?? '');
      // A bodiless request, the common case under load, goes straight to its wait: no stream read, no extra promise.
      if (!requestHasBody(ctx.req)) return delayed(ctx, requestedS, NO_BODY);
      return ctx.readBody().then((body) => delayed(ctx, requestedS, body));
    },
  },
  {
    pattern: /^\/status\/([^/]+)\/?$/,
    methods: ANY,
    handle: (ctx) => {
      const code = pickWeighted(parseStatusCodes(ctx.params[0] ?? ''), ctx.random);
      sendStatus(ctx.res, code);
    },
  },
  {
    pattern: /^\/anything(\/.*)?$/,
    methods: ANY,
    handle: async (ctx) => {
      const body = await ctx.readBody();
      sendJson(
        ctx.res,
        200,
        { ...echoRequest(ctx.req, ctx.url, ctx.origin), ...echoBody(body), method: ctx.req.method },
        timingHeader(0),
      );
    },
  },
  {
    pattern: /^\/bytes\/([^/]+)\/?$/,
    methods: ['GET', 'HEAD'],
    handle: (ctx) => {
      const n = parseCount(ctx.params[0] ?? '', 'byte count', ctx.maxBodyBytes);
      const seedText = ctx.url.searchParams.get('seed');
      const random = seedText === null ? ctx.random : seededRandom(parseCount(seedText, 'seed', 2 ** 32 - 1));
      const bytes = Buffer.alloc(n);
      for (let i = 0; i < n; i++) bytes[i] = Math.floor(random() * 256);
      ctx.res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': n,
        ...timingHeader(0),
      });
      ctx.res.end(bytes);
    },
  },
  {
    pattern: /^\/stream\/([^/]+)\/?$/,
    methods: ['GET'],
    handle: (ctx) => {
      const n = Math.min(parseCount(ctx.params[0] ?? '', 'line count', Number.MAX_SAFE_INTEGER), MAX_STREAM_LINES);
      const echo = echoRequest(ctx.req, ctx.url, ctx.origin);
      ctx.res.writeHead(200, { 'content-type': 'application/json', ...timingHeader(0) });
      for (let id = 0; id < n; id++) ctx.res.write(`${JSON.stringify({ ...echo, id })}\n`);
      ctx.res.end();
    },
  },
  {
    pattern: /^\/headers\/?$/,
    methods: ['GET'],
    handle: (ctx) => sendJson(ctx.res, 200, { headers: echoHeaders(ctx.req) }, timingHeader(0)),
  },
  {
    pattern: /^\/ip\/?$/,
    methods: ['GET'],
    handle: (ctx) => sendJson(ctx.res, 200, { origin: ctx.origin }, timingHeader(0)),
  },
  {
    pattern: /^\/user-agent\/?$/,
    methods: ['GET'],
    handle: (ctx) => sendJson(ctx.res, 200, { 'user-agent': ctx.req.headers['user-agent'] ?? null }, timingHeader(0)),
  },
  ...faultRoutes,
  ...llmRoutes,
];

const NO_BODY: RequestBody = { text: '', contentType: '' };

/** /delay once its body is read: waits the served delay (none for a warm-up), then echoes the request. */
function delayed(ctx: RouteContext, requestedS: number, body: RequestBody): Promise<void> | void {
  const warmup = ctx.req.headers[WARMUP_HEADER] !== undefined;
  const clampedMs = Math.min(requestedS, ctx.maxDelayS) * 1000 * ctx.timeScale;
  const servedMs = warmup ? 0 : clampedMs;
  const requestedMs = requestedS * 1000 * ctx.timeScale;
  const timing = serverTiming(servedMs, requestedMs, warmup ? 'skipped for warm-up' : undefined);
  if (servedMs <= 0) return sendDelayed(ctx, body, timing);
  return ctx.sleep(servedMs).then(() => sendDelayed(ctx, body, timing));
}

function sendDelayed(ctx: RouteContext, body: RequestBody, timing: string): void {
  const headers = { 'server-timing': timing };
  const build = () => ({ ...echoRequest(ctx.req, ctx.url, ctx.origin), ...echoBody(body), method: ctx.req.method });
  if (body.text !== '') return sendJson(ctx.res, 200, build(), headers);
  sendJsonBytes(ctx.res, 200, cachedEchoBody(ctx.req, ctx.origin, build), headers);
}

const NO_DELAY_TIMING: Readonly<Record<string, string>> = { 'server-timing': serverTiming(0) };

function timingHeader(servedMs: number): Record<string, string> {
  return { 'server-timing': serverTiming(servedMs) };
}

/** httpbin's special cases for /status: redirects, auth challenges, the teapot. */
function sendStatus(res: ServerResponse, code: number): void {
  const headers: Record<string, string> = timingHeader(0);
  let body = '';
  if ([301, 302, 303, 305, 307].includes(code)) headers.location = '/redirect/1';
  if (code === 401) headers['www-authenticate'] = 'Basic realm="Fake Realm"';
  if (code === 407) headers['proxy-authenticate'] = 'Basic realm="Fake Realm"';
  if (code === 406) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify({
      message: 'Client did not request a supported media type.',
      accept: ['image/webp', 'image/svg+xml', 'image/jpeg', 'image/png', 'image/*'],
    });
  }
  if (code === 418) {
    headers['x-more-info'] = 'http://tools.ietf.org/html/rfc2324';
    body = TEAPOT;
  }
  if (code === 204 || code === 304) body = '';
  res.writeHead(code, { ...headers, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

export function matchRoute(path: string, method: string): { route: Route; params: string[] } | 'method-not-allowed' | null {
  for (const route of routes) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    if (route.methods !== ANY && !route.methods.includes(method)) return 'method-not-allowed';
    return { route, params: match.slice(1).map((p) => p ?? '') };
  }
  return null;
}

export { BadRequest };
