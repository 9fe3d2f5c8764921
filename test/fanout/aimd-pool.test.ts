import assert from 'node:assert/strict';
import { test } from 'node:test';
import { aimdPool } from '../../src/fanout/aimd-pool.ts';
import { FakeClock, httpError } from './fake-clock.ts';

/** A server that takes `capacity` calls at once and answers 429 (retry-after-ms 100) past that. */
function capacityServer(clock: FakeClock, capacity: number, answerMs: (inFlight: number) => number) {
  let inFlight = 0;
  const seen = { maxInFlight: 0 };
  const call = async (i: number): Promise<number> => {
    if (inFlight >= capacity) return clock.fail(1, httpError(429, { 'retry-after-ms': '100' }));
    inFlight += 1;
    seen.maxInFlight = Math.max(seen.maxInFlight, inFlight);
    try {
      return await clock.answer(answerMs(inFlight), i);
    } finally {
      inFlight -= 1;
    }
  };
  return { call, seen };
}

test('the limit grows by `increase` per success, is cut on 429s, and every task ends fulfilled', async () => {
  const clock = new FakeClock();
  const server = capacityServer(clock, 5, () => 100);
  const tasks = Array.from({ length: 40 }, (_, i) => () => server.call(i));
  const result = await clock.run(aimdPool(tasks, { initial: 2, min: 1, max: 20, increase: 1, decrease: 0.5, clock }));
  assert.equal(result.results.filter((r) => r.status === 'fulfilled').length, 40);
  assert.ok(result.rateLimited > 0, 'it finds the capacity by drawing 429s');
  assert.equal(result.retries, result.rateLimited);
  const limits = result.limits.map((entry) => entry.limit);
  assert.equal(limits[0], 2);
  assert.equal(limits[1], 3, 'additive increase');
  assert.ok(limits.some((limit, i) => i > 0 && limit < (limits[i - 1] ?? 0)), 'multiplicative decrease');
  assert.ok(Math.max(...limits) <= 20 && Math.min(...limits) >= 1);
  assert.ok(server.seen.maxInFlight <= 5);
});

test('a wave of 429s sent under one limit cuts it once', async () => {
  const clock = new FakeClock();
  let wave = 0;
  const tasks = Array.from({ length: 4 }, (_, i) => async () => {
    if (wave++ < 4) return clock.fail(1, httpError(429, { 'retry-after-ms': '50' }));
    return clock.answer(10, i);
  });
  const result = await clock.run(aimdPool(tasks, { initial: 4, min: 1, max: 8, increase: 0, decrease: 0.5, clock }));
  assert.deepEqual(result.limits.map((entry) => entry.limit), [4, 2]);
  assert.equal(result.rateLimited, 4);
  assert.deepEqual(result.results.map((r) => r.status), ['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
});

test('with a latency target, calls slower than it cut the limit', async () => {
  const clock = new FakeClock();
  // Latency grows with load: 40 ms per call in flight.
  const server = capacityServer(clock, 1000, (inFlight) => 40 * inFlight);
  const tasks = Array.from({ length: 60 }, (_, i) => () => server.call(i));
  const result = await clock.run(aimdPool(tasks, { initial: 1, min: 1, max: 50, increase: 1, decrease: 0.5, latencyTargetMs: 200, clock }));
  assert.equal(result.rateLimited, 0);
  assert.ok(result.limits.some((entry, i) => i > 0 && entry.limit < (result.limits[i - 1]?.limit ?? 0)), 'cut for latency');
  assert.ok(server.seen.maxInFlight < 50, `settles below max (max in flight ${server.seen.maxInFlight})`);
});

test('bounded retries and checked options', async () => {
  const clock = new FakeClock();
  const result = await clock.run(aimdPool([async () => clock.fail(1, httpError(429, {}))], { initial: 1, min: 1, max: 2, increase: 1, decrease: 0.5, maxRetries: 2, fallbackWaitMs: 10, clock }));
  assert.equal(result.results[0]?.status, 'rejected');
  assert.equal(result.rateLimited, 3);
  assert.equal(clock.nowMs, 23, 'three tries of 1 ms and two fallback waits of 10 ms');
  await assert.rejects(aimdPool([], { initial: 5, min: 1, max: 4, increase: 1, decrease: 0.5 }), RangeError);
  await assert.rejects(aimdPool([], { initial: 1, min: 1, max: 4, increase: 1, decrease: 1 }), RangeError);
});

test('a task that throws before returning a promise is a rejected result', async () => {
  const clock = new FakeClock();
  const result = await clock.run(aimdPool([() => { throw new Error('sync'); }, () => clock.answer(5, 'ok')], { initial: 1, min: 1, max: 2, increase: 1, decrease: 0.5, clock }));
  assert.deepEqual(result.results.map((r) => r.status), ['rejected', 'fulfilled']);
});
