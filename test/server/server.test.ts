import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startDelayServer, type DelayServer } from '../../src/server/index.ts';

let server: DelayServer;
const get = (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, init);
const json = async (path: string, init?: RequestInit) => {
  const res = await get(path, init);
  return { res, body: (await res.json()) as Record<string, unknown> };
};

describe('delay server', () => {
  before(async () => {
    server = await startDelayServer({ timeScale: 0.01, maxDelayS: 10 });
  });
  after(() => server.close());

  it('listens on a free loopback port', () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.notEqual(server.port, 0);
  });

  it('/get echoes args, capitalised headers, origin and url as httpbin does', async () => {
    const { res, body } = await json('/get?a=1&a=2&b=x', { headers: { 'x-trace-id': 't1' } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /application\/json/);
    assert.deepEqual(body.args, { a: ['1', '2'], b: 'x' });
    assert.equal((body.headers as Record<string, string>)['X-Trace-Id'], 't1');
    assert.equal(body.origin, '127.0.0.1');
    assert.equal(body.url, `${server.url}/get?a=1&a=2&b=x`);
    assert.equal(res.headers.get('connection'), 'keep-alive');
  });

  it('/delay/{n} sleeps n × timeScale seconds and says so in Server-Timing', async () => {
    const started = performance.now();
    const { res, body } = await json('/delay/2');
    const tookMs = performance.now() - started;
    assert.equal(res.status, 200);
    assert.ok(tookMs >= 19, `took ${tookMs} ms for a 20 ms delay`);
    assert.equal(res.headers.get('server-timing'), 'initial_delay;dur=20.00;desc="initial delay"');
    for (const key of ['args', 'data', 'files', 'form', 'headers', 'origin', 'url', 'json', 'method']) assert.ok(key in body, key);
  });

  it('/delay accepts fractions and any method, echoing the body', async () => {
    const { res, body } = await json('/delay/0.5', { method: 'POST', body: '{"q":"hi"}', headers: { 'content-type': 'application/json' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('server-timing')?.startsWith('initial_delay;dur=5.00'), true);
    assert.equal(body.method, 'POST');
    assert.equal(body.data, '{"q":"hi"}');
    assert.deepEqual(body.json, { q: 'hi' });
  });

  it('answers a warm-up request at once and says the delay was skipped', async () => {
    const started = performance.now();
    const res = await get('/delay/2', { headers: { 'x-fanout-warmup': '1' } });
    await res.arrayBuffer();
    assert.ok(performance.now() - started < 15);
    assert.equal(
      res.headers.get('server-timing'),
      'initial_delay;dur=0.00;desc="initial delay", requested_delay;dur=20.00;desc="skipped for warm-up"',
    );
  });

  it('clamps delays above maxDelayS and shows the clamp', async () => {
    const res = await get('/delay/30');
    await res.arrayBuffer();
    assert.equal(res.status, 200);
    assert.equal(
      res.headers.get('server-timing'),
      'initial_delay;dur=100.00;desc="initial delay", requested_delay;dur=300.00;desc="clamped to max delay"',
    );
  });

  it('/status/{code} answers that code, with httpbin special cases', async () => {
    const notFound = await get('/status/404');
    assert.equal(notFound.status, 404);
    const teapot = await get('/status/418');
    assert.equal(teapot.status, 418);
    assert.match(await teapot.text(), /teapot/);
    const redirect = await get('/status/302', { redirect: 'manual' });
    assert.equal(redirect.status, 302);
    assert.equal(redirect.headers.get('location'), '/redirect/1');
    const auth = await get('/status/401');
    assert.equal(auth.headers.get('www-authenticate'), 'Basic realm="Fake Realm"');
    const noContent = await get('/status/204');
    assert.equal(noContent.status, 204);
  });

  it('/status with weights picks among the listed codes in proportion', async () => {
    const counts = new Map<number, number>();
    for (let i = 0; i < 200; i++) {
      const res = await get('/status/200:0.7,503:0.3');
      await res.arrayBuffer();
      counts.set(res.status, (counts.get(res.status) ?? 0) + 1);
    }
    assert.deepEqual([...counts.keys()].sort(), [200, 503]);
    const share = (counts.get(200) ?? 0) / 200;
    assert.ok(share > 0.55 && share < 0.85, `200 share ${share}`);
  });

  it('/anything echoes method and body; /bytes/{n} sends n bytes, reproducible with seed', async () => {
    const { body } = await json('/anything/x?y=1', { method: 'PUT', body: 'a=1&b=2', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(body.method, 'PUT');
    assert.deepEqual(body.form, { a: '1', b: '2' });
    const one = Buffer.from(await (await get('/bytes/64?seed=7')).arrayBuffer());
    const two = Buffer.from(await (await get('/bytes/64?seed=7')).arrayBuffer());
    assert.equal(one.length, 64);
    assert.deepEqual(one, two);
  });

  const badInputs: [string, number, RegExp][] = [
    ['/delay/abc', 400, /delay must be a non-negative number/],
    ['/delay/-1', 400, /non-negative/],
    ['/delay/1e3', 400, /non-negative number/],
    ['/status/999', 400, /\[200, 599\]/],
    ['/status/abc', 400, /invalid status code/],
    ['/status/200:x', 400, /invalid weight/],
    ['/status/200:0', 400, /must not all be zero/],
    ['/bytes/-5', 400, /non-negative integer/],
    ['/bytes/99999999', 400, /at most/],
    ['/nowhere', 404, /no route/],
  ];
  for (const [path, status, detail] of badInputs) {
    it(`${path} → ${status} with a JSON error body`, async () => {
      const { res, body } = await json(path);
      assert.equal(res.status, status);
      assert.equal(body.status_code, status);
      assert.equal(typeof body.error, 'string');
      assert.match(String(body.detail), detail);
    });
  }

  it('rejects a method /get does not take with 405', async () => {
    const { res, body } = await json('/get', { method: 'DELETE' });
    assert.equal(res.status, 405);
    assert.equal(body.status_code, 405);
  });

  it('rejects an oversized body with 413', async () => {
    const small = await startDelayServer({ maxBodyBytes: 16 });
    try {
      const res = await fetch(`${small.url}/anything`, { method: 'POST', body: 'x'.repeat(100) });
      assert.equal(res.status, 413);
    } finally {
      await small.close();
    }
  });

  it('close() ends pending delayed requests instead of waiting for them', async () => {
    const slow = await startDelayServer({ timeScale: 1 });
    const pending = fetch(`${slow.url}/delay/5`).then(
      (res) => res.status,
      () => 'failed',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = performance.now();
    await slow.close();
    assert.equal(await pending, 'failed');
    assert.ok(performance.now() - started < 1000);
  });
});
