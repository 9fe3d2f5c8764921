import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rateLimitAwarePool, type RateLimitTask } from '../../src/fanout/rate-limit-pool.ts';
import { FakeClock, httpError } from './fake-clock.ts';

/** A token bucket like the simulated API's: refilled continuously, a call reserves `cost` at admission. */
function bucketServer(clock: FakeClock, { limit, perMs, cost, answerMs }: { limit: number; perMs: number; cost: number; answerMs: number }) {
  let level = limit;
  let lastMs = 0;
  return async (): Promise<Headers> => {
    level = Math.min(limit, level + (clock.now() - lastMs) * perMs);
    lastMs = clock.now();
    if (level < cost) throw httpError(429, { 'retry-after-ms': String(Math.ceil((cost - level) / perMs)) });
    level -= cost;
    const headers = new Headers({
      'x-ratelimit-limit-tokens': String(limit),
      'x-ratelimit-remaining-tokens': String(Math.floor(level)),
      'x-ratelimit-reset-tokens': `${Math.ceil((limit - level) / perMs)}ms`,
    });
    return clock.answer(answerMs, headers);
  };
}

const tasksOn = (call: () => Promise<Headers>, n: number, report: boolean): RateLimitTask<number>[] =>
  Array.from({ length: n }, (_, i) => async (context) => {
    const headers = await call();
    if (report) context.report(headers);
    return i;
  });

test('reading the headers, the pool waits for the refill and draws no 429 where a blind pool draws several', async () => {
  const run = async (report: boolean) => {
    const clock = new FakeClock();
    const call = bucketServer(clock, { limit: 300, perMs: 0.1, cost: 100, answerMs: 100 });
    const result = await clock.run(rateLimitAwarePool(tasksOn(call, 10, report), { concurrency: 2, tokensPerTask: 100, maxRetries: 10, clock }));
    return { ...result, endMs: clock.nowMs };
  };
  const aware = await run(true);
  assert.deepEqual(aware.results.map((r) => (r.status === 'fulfilled' ? r.value : null)), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  assert.equal(aware.rateLimited, 0);
  assert.ok(aware.pauses > 0 && aware.pausedMs > 0);
  // 1,000 tokens from a 300-token bucket refilled at 100 per second: no schedule ends before 7 s + one answer.
  assert.ok(aware.endMs >= 7100 && aware.endMs < 9000, `ended at ${aware.endMs} ms`);

  const blind = await run(false);
  assert.ok(blind.rateLimited > 0, 'a pool that ignores the headers draws 429s');
  assert.equal(blind.results.filter((r) => r.status === 'fulfilled').length, 10, 'and retries them after retry-after-ms');
});

test('a 429 pauses every start for retry-after-ms and is retried, at most maxRetries times', async () => {
  const clock = new FakeClock();
  const startsMs: Array<[number, number]> = [];
  let failuresLeft = 2;
  const tasks: RateLimitTask<string>[] = [
    async ({ attempt }) => {
      startsMs.push([0, clock.now()]);
      assert.equal(attempt, 2 - failuresLeft);
      if (failuresLeft-- > 0) return clock.fail(10, httpError(429, { 'retry-after-ms': '500' }));
      return clock.answer(10, 'a');
    },
    async () => {
      startsMs.push([1, clock.now()]);
      return clock.answer(10, 'b');
    },
  ];
  const result = await clock.run(rateLimitAwarePool(tasks, { concurrency: 1, clock }));
  assert.deepEqual(startsMs, [[0, 0], [0, 510], [0, 1020], [1, 1030]]);
  assert.deepEqual(result.results, [{ status: 'fulfilled', value: 'a' }, { status: 'fulfilled', value: 'b' }]);
  assert.equal(result.rateLimited, 2);
  assert.equal(result.retries, 2);

  const always = async () => clock.fail(10, httpError(429, { 'retry-after': '1' }));
  const bounded = await clock.run(rateLimitAwarePool([always], { concurrency: 1, maxRetries: 1, clock }));
  assert.equal(bounded.results[0]?.status, 'rejected');
  assert.equal(bounded.rateLimited, 2);
  assert.equal(bounded.retries, 1);
});

test('other errors are results, not retries; bad concurrency is refused', async () => {
  const clock = new FakeClock();
  const result = await clock.run(rateLimitAwarePool([async () => clock.fail(5, httpError(500, {}))], { concurrency: 3, clock }));
  assert.equal(result.results[0]?.status, 'rejected');
  assert.equal(result.retries, 0);
  await assert.rejects(rateLimitAwarePool([], { concurrency: 0 }), RangeError);
});
