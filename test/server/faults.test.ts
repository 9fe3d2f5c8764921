import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, test } from 'node:test';
import { request } from 'undici';
import { formatResetDuration } from '../../src/server/faults.ts';
import { startDelayServer, type DelayServer } from '../../src/server/index.ts';

let server: DelayServer;
before(async () => {
  server = await startDelayServer({ timeScale: 0.1, maxDelayS: 2, requestTimeoutMs: 400, headersTimeoutMs: 300, seed: 42 });
});
after(() => server.close());

const get = async (path: string) => {
  const res = await request(`${server.url}${path}`);
  return { status: res.statusCode, headers: res.headers, text: await res.body.text() };
};

const errorCode = (error: unknown): string => String((error as { code?: string }).code);

test('/ratelimit: limit per window, then 429 with retry-after, retry-after-ms and x-ratelimit-* headers', async () => {
  const first = await get('/ratelimit?limit=2&window_s=1&key=a');
  assert.equal(first.status, 200);
  assert.equal(first.headers['x-ratelimit-limit-requests'], '2');
  assert.equal(first.headers['x-ratelimit-remaining-requests'], '1');
  assert.match(String(first.headers['x-ratelimit-reset-requests']), /^\d+ms$/);
  assert.equal((await get('/ratelimit?limit=2&window_s=1&key=a')).status, 200);
  const limited = await get('/ratelimit?limit=2&window_s=1&key=a');
  assert.equal(limited.status, 429);
  assert.equal(limited.headers['retry-after'], '1');
  const waitMs = Number(limited.headers['retry-after-ms']);
  assert.ok(waitMs > 0 && waitMs <= 100, `retry-after-ms within the 100 ms scaled window, got ${waitMs}`);
  assert.equal(limited.headers['x-fanout-fault'], 'ratelimit');
  assert.equal(JSON.parse(limited.text).error.code, 'rate_limit_exceeded');
  assert.equal((await get('/ratelimit?limit=2&window_s=1&key=b')).status, 200, 'keys are separate windows');
  await new Promise((resolve) => setTimeout(resolve, waitMs + 20));
  assert.equal((await get('/ratelimit?limit=2&window_s=1&key=a')).status, 200, 'a new window after retry-after-ms');
});

test('/reset: at=body sends headers then resets; at=headers resets before any response', async () => {
  const res = await request(`${server.url}/reset?bytes=10`);
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['x-fanout-fault'], 'reset');
  await assert.rejects(res.body.text(), (error) => ['ECONNRESET', 'UND_ERR_SOCKET'].includes(errorCode(error)));
  await assert.rejects(request(`${server.url}/reset?at=headers`), (error) => ['ECONNRESET', 'UND_ERR_SOCKET'].includes(errorCode(error)));
});

test('/hang: bounded by the server request deadline (503 before headers, cut connection after)', async () => {
  const started = performance.now();
  const hung = await get('/hang');
  const tookMs = performance.now() - started;
  assert.equal(hung.status, 503);
  assert.equal(hung.headers['x-fanout-fault'], 'request-timeout');
  assert.ok(tookMs >= 350 && tookMs < 2_000, `ended by the 400 ms deadline, took ${tookMs}`);
  const res = await request(`${server.url}/hang?phase=body`);
  assert.equal(res.statusCode, 200);
  await assert.rejects(res.body.text());
});

test('/drip: numbytes spread over duration after delay (time-scaled)', async () => {
  const started = performance.now();
  const res = await get('/drip?duration=1&numbytes=5&delay=0.5');
  const tookMs = performance.now() - started;
  assert.equal(res.status, 200);
  assert.equal(res.text, '*****');
  assert.ok(tookMs >= 140 && tookMs < 1_000, `0.15 s scaled, took ${tookMs}`);
  assert.match(String(res.headers['server-timing']), /initial_delay;dur=50\.00/);
  assert.equal((await get('/drip?numbytes=abc')).status, 400);
});

test('/malformed: a 200 with a JSON content type that does not parse', async () => {
  for (const kind of ['truncated', 'html']) {
    const res = await get(`/malformed?kind=${kind}`);
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'application/json');
    assert.throws(() => JSON.parse(res.text));
  }
  assert.equal((await get('/malformed?kind=nope')).status, 400);
});

test('/flaky: fails with probability p from the seeded PRNG, reproducibly', async () => {
  const sequence = async (): Promise<number[]> => {
    const s = await startDelayServer({ seed: 99 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 200; i++) statuses.push((await request(`${s.url}/flaky?p=0.3&code=502`).then(async (r) => (await r.body.dump(), r))).statusCode);
      return statuses;
    } finally {
      await s.close();
    }
  };
  const first = await sequence();
  assert.deepEqual(await sequence(), first, 'same seed, same sequence');
  const failures = first.filter((code) => code === 502).length;
  assert.ok(failures > 30 && failures < 90, `about 30 % of 200 fail, got ${failures}`);
  assert.deepEqual([...new Set(first)].sort(), [200, 502]);
  assert.equal((await get('/flaky?p=1.5')).status, 400);
  assert.equal((await get('/flaky?code=200')).status, 400);
  assert.equal((await get('/flaky?p=1')).headers['x-fanout-fault'], 'flaky');
});

test('header timeout: a client that never finishes its headers is cut off', async () => {
  const socket = connect(server.port, '127.0.0.1');
  socket.write('GET /get HTTP/1.1\r\nHost: x\r\n');
  socket.resume();
  const started = performance.now();
  await new Promise<void>((resolve) => socket.on('close', () => resolve()).on('error', () => {}));
  const tookMs = performance.now() - started;
  assert.ok(tookMs < 3_000, `closed by the 300 ms header timeout, took ${tookMs}`);
});

test('max connections: connections beyond the limit are refused', async () => {
  const small = await startDelayServer({ maxConnections: 2 });
  try {
    const open = await Promise.all([0, 1].map(() => new Promise<ReturnType<typeof connect>>((resolve) => { const s = connect(small.port, '127.0.0.1', () => resolve(s)); })));
    const third = connect(small.port, '127.0.0.1');
    third.write('GET /get HTTP/1.1\r\nHost: x\r\n\r\n');
    let got = '';
    third.on('data', (chunk) => (got += chunk));
    await new Promise<void>((resolve) => third.on('close', () => resolve()).on('error', () => {}));
    assert.equal(got, '', 'the third connection is closed without a response');
    for (const s of open) s.destroy();
  } finally {
    await small.close();
  }
});

test('limits are checked at start-up', async () => {
  await assert.rejects(startDelayServer({ timeScale: 1, maxDelayS: 10, requestTimeoutMs: 5_000 }), /requestTimeoutMs/);
  await assert.rejects(startDelayServer({ headersTimeoutMs: 20_000, requestTimeoutMs: 15_000 }), /headersTimeoutMs/);
});

test('formatResetDuration follows the OpenAI header format', () => {
  assert.equal(formatResetDuration(20), '20ms');
  assert.equal(formatResetDuration(1000), '1s');
  assert.equal(formatResetDuration(1500), '1.5s');
});
