// Property test: ≥ 10,000 seeded random paths, query strings, methods and bodies at the delay
// server. A 5xx is a bug unless asked for (/status/5xx) or marked as an injected fault; a network
// error is a bug unless the path asked for one (/reset, /hang). The server must stay up and its
// memory bounded.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Pool } from 'undici';
import { startDelayServer } from '../../src/server/index.ts';
import { seededRandom, type Random } from '../../src/stats/random.ts';

const REQUESTS = 10_000;
const CONNECTIONS = 32;
const RAW_GARBAGE = 300;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const ROUTES = ['get', 'delay', 'status', 'anything', 'bytes', 'stream', 'headers', 'ip', 'user-agent', 'ratelimit', 'reset', 'hang', 'drip', 'malformed', 'flaky', 'nope', ''];
const PARAMS = ['limit', 'window_s', 'key', 'at', 'bytes', 'delay', 'phase', 'duration', 'numbytes', 'code', 'p', 'kind', 'seed', 'x'];
const METHODS = ['GET', 'GET', 'GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH', 'OPTIONS'];

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function value(random: Random): string {
  const kinds: (() => string)[] = [
    () => String(Math.floor(random() * 10)),
    () => (random() * 3).toFixed(3),
    () => String(Math.floor(random() * 1e12)),
    () => `-${Math.floor(random() * 100)}`,
    () => '1e309',
    () => 'NaN',
    () => '',
    () => '%00%ff%2e%2e',
    () => encodeURIComponent('é∑😀'),
    () => 'x'.repeat(Math.floor(random() * 300)),
    () => pick(random, ['body', 'headers', 'truncated', 'html', '200', '429', '503', '599', '600', '200:0.5,503:0.5', '1:', ':0']),
    () => '..',
  ];
  return pick(random, kinds)();
}

function randomPath(random: Random): string {
  const route = pick(random, ROUTES);
  // Half plausible (a route's one parameter, small), half junk, so both handlers and validation get exercised.
  const plausible = random() < 0.5;
  const segments = plausible ? (['delay', 'status', 'bytes', 'stream'].includes(route) ? 1 : 0) : Math.floor(random() * 3);
  let path = `/${route}`;
  for (let i = 0; i < segments; i++) path += `/${plausible ? pick(random, ['0', '1', '0.5', '200', '404', '200:0.7,503:0.3', '16']) : value(random)}`;
  if (random() < 0.2) path += '/';
  const params = Math.floor(random() * 4);
  const query = Array.from({ length: params }, () => `${pick(random, PARAMS)}=${value(random)}`);
  return query.length > 0 ? `${path}?${query.join('&')}` : path;
}

const faultPath = (path: string): boolean => /^\/(reset|hang)/.test(path);

test(`fuzz: ${REQUESTS} random requests — no unasked-for 5xx, no crash, memory bounded`, async (t) => {
  const server = await startDelayServer({ timeScale: 0.001, maxDelayS: 10, requestTimeoutMs: 100, headersTimeoutMs: 100, maxBodyBytes: 4096, seed: 5 });
  const pool = new Pool(server.url, { connections: CONNECTIONS, headersTimeout: 5_000, bodyTimeout: 5_000 });
  const random = seededRandom(20261126);
  const byClass = new Map<string, number>();
  const bugs: string[] = [];
  let networkErrors = 0;
  try {
    gc();
    const heapBeforeBytes = process.memoryUsage().heapUsed;
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < REQUESTS) {
        next += 1;
        const path = randomPath(random);
        const method = pick(random, METHODS);
        const body = method === 'POST' || method === 'PUT' ? 'b'.repeat(Math.floor(random() * 6000)) : undefined;
        try {
          const res = await pool.request({ path, method, ...(body === undefined ? {} : { body }) });
          await res.body.dump();
          const cls = `${Math.floor(res.statusCode / 100)}xx`;
          byClass.set(cls, (byClass.get(cls) ?? 0) + 1);
          const asked = path.startsWith('/status/') || res.headers['x-fanout-fault'] !== undefined;
          if (res.statusCode >= 500 && !asked) bugs.push(`${method} ${path} → ${res.statusCode}`);
        } catch (error) {
          networkErrors += 1;
          if (!faultPath(path)) bugs.push(`${method} ${path} → ${String((error as { code?: string }).code ?? error)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONNECTIONS }, worker));

    // Raw garbage on the socket: the clientError handler answers or closes, never crashes.
    for (let i = 0; i < RAW_GARBAGE; i++) {
      const bytes = Buffer.from(Array.from({ length: 1 + Math.floor(random() * 200) }, () => Math.floor(random() * 256)));
      await new Promise<void>((resolve) => {
        const socket = connect(server.port, '127.0.0.1', () => socket.end(Buffer.concat([bytes, Buffer.from('\r\n\r\n')])));
        socket.resume();
        socket.on('close', () => resolve());
        socket.on('error', () => {});
      });
    }
    const health = await pool.request({ path: '/get', method: 'GET' });
    await health.body.dump();
    assert.equal(health.statusCode, 200, 'the server still answers');

    gc();
    const growthBytes = process.memoryUsage().heapUsed - heapBeforeBytes;
    const counts = [...byClass.entries()].sort().map(([cls, n]) => `${cls} ${n}`).join(', ');
    t.diagnostic(`requests ${REQUESTS}: ${counts}, network errors ${networkErrors} (all on /reset or /hang); raw garbage connections ${RAW_GARBAGE}`);
    t.diagnostic(`heapUsed growth ${(growthBytes / 1024 / 1024).toFixed(1)} MiB`);
    assert.deepEqual(bugs.slice(0, 10), [], `${bugs.length} unexpected failures`);
    const answered = [...byClass.values()].reduce((a, b) => a + b, 0);
    assert.equal(answered + networkErrors, REQUESTS, 'every request accounted for');
    assert.ok(growthBytes < 32 * 1024 * 1024, `heap grew ${growthBytes} bytes`);
  } finally {
    await pool.close();
    await server.close();
  }
});
