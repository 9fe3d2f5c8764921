// Keyed fault draws: every strategy row meets the same /flaky failures; warm-ups spend no rate-limit quota.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startDelayServer, type DelayServer } from '../../src/server/index.ts';

let server: DelayServer;
before(async () => (server = await startDelayServer({ seed: 7 })));
after(() => server.close());

const statusOf = async (path: string, headers: Record<string, string> = {}): Promise<number> => {
  const res = await fetch(`${server.url}${path}`, { headers });
  await res.arrayBuffer();
  return res.status;
};

test('/flaky decides by (seed, request id) when the harness names the request', async () => {
  const ids = Array.from({ length: 40 }, (_, i) => `0:${i}.0`);
  const first = await Promise.all(ids.map((id) => statusOf('/flaky?p=0.5', { 'x-fanout-request-id': id })));
  // Another order, interleaved with unnamed requests that advance the server's PRNG: the same answers.
  for (let i = 0; i < 10; i++) await statusOf('/flaky?p=0.5');
  const again = [];
  for (const id of [...ids].reverse()) again.unshift(await statusOf('/flaky?p=0.5', { 'x-fanout-request-id': id }));
  assert.deepEqual(again, first);
  const failures = first.filter((s) => s === 503).length;
  assert.ok(failures > 5 && failures < 35, `${failures} of 40 failed at p=0.5`);
});

test('warm-up requests spend none of the rate-limit quota', async () => {
  const path = '/ratelimit?limit=2&window_s=10&key=warm';
  for (let i = 0; i < 5; i++) assert.equal(await statusOf(path, { 'x-fanout-warmup': '1' }), 200);
  assert.deepEqual([await statusOf(path), await statusOf(path), await statusOf(path)], [200, 200, 429]);
});
