import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startDelayServer, type DelayServer } from '../../../src/server/index.ts';
import { STRATEGY_NAMES, strategies, type Strategy } from '../../../src/strategies/index.ts';
import { measureClientStacks } from '../../../src/suites/micro/clients.ts';
import { MICRO_DEFAULTS } from '../../../src/suites/micro/options.ts';
import { limiters, type Scheduler } from '../../../src/suites/micro/limiters.ts';
import { measureSchedulers } from '../../../src/suites/micro/schedulers.ts';

let server: DelayServer;
before(async () => (server = await startDelayServer({ port: 0 })));
after(() => server.close());

test('scheduler overhead: every registered strategy and every limiter over zero-delay tasks, per-task cost from the mean run', async () => {
  const { results, errors } = await measureSchedulers({ timeMs: 5, tasks: [20] });
  assert.deepEqual(errors, []);
  assert.deepEqual(results.map((row) => row.strategy), [...STRATEGY_NAMES.filter((name) => !strategies[name].retries), ...Object.keys(limiters)]);
  for (const row of results) {
    assert.equal(row.tasks, 20);
    // Slow rows (bottleneck waits on timers) get fewer runs, never under three.
    const fewest = row.strategy in limiters ? 3 : MICRO_DEFAULTS.minIterations;
    assert.ok(row.runMs.samplesCount >= fewest, `${row.strategy}: ${row.runMs.samplesCount} runs`);
    assert.ok(row.perTaskMs > 0, `${row.strategy}: positive cost`);
    assert.equal(row.perTaskMs, row.runMs.mean / 20);
    const takesK = (strategies as Record<string, { takesConcurrency: boolean }>)[row.strategy]?.takesConcurrency ?? limiters[row.strategy]?.takesConcurrency;
    assert.equal(row.concurrency, takesK ? MICRO_DEFAULTS.schedulerConcurrency : null);
  }
});

test('a scheduler whose next run is predicted past the bound is skipped and listed, not measured', async () => {
  const timerBound: Scheduler = {
    name: 'timer-bound',
    description: 'one timer per task, one task at a time',
    takesConcurrency: false,
    async run(count, attempt) {
      const results: unknown[] = [];
      for (let i = 0; i < count; i++) results.push(await new Promise((resolve) => setTimeout(() => resolve(attempt(i)), 1)));
      return results;
    },
  };
  const { results, errors, skipped } = await measureSchedulers({ timeMs: 5, tasks: [100_000, 5], maxRunMs: 1000, strategies: { timerBound } });
  assert.deepEqual(results.map((row) => row.tasks), [5], 'tiers run from the fewest tasks up');
  assert.deepEqual(errors, []);
  assert.equal(skipped.length, 1);
  assert.deepEqual({ ...skipped[0], predictedRunMs: undefined }, { strategy: 'timerBound', concurrency: null, tasks: 100_000, predictedRunMs: undefined, maxRunMs: 1000 });
  assert.ok((skipped[0]?.predictedRunMs ?? 0) >= 100_000, 'at least 1 ms per task × 100,000 predicted');
});

test('each limiter schedules every task, at most k at a time', async () => {
  for (const [name, limiter] of Object.entries(limiters)) {
    let inFlight = 0;
    let peak = 0;
    const attempt = async (i: number) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      // Long enough for every limiter to start the next ones: bottleneck starts each task on a timer.
      await new Promise((resolve) => setTimeout(resolve, 10));
      inFlight -= 1;
      return i * 2;
    };
    const results = await limiter.run(25, attempt, 3);
    assert.deepEqual(results, Array.from({ length: 25 }, (_, i) => i * 2), `${name}: results in order`);
    assert.equal(peak, 3, `${name}: k = 3 in flight at most, and reached`);
  }
});

test('a strategy that drops tasks is reported as an error, not measured', async () => {
  const lossy: Strategy = {
    name: 'lossy',
    description: 'forgets the last task',
    takesConcurrency: false,
    run: (count, attempt) => Promise.all(Array.from({ length: count - 1 }, (_, i) => attempt(i))),
    idealMs: () => 0,
  };
  const { results, errors } = await measureSchedulers({ timeMs: 5, tasks: [10], strategies: { lossy } });
  assert.deepEqual(results, []);
  assert.equal(errors.length, 1);
  assert.match(errors[0]?.error ?? '', /lossy returned 9 of 10 results/);
});

test('client stacks against the real delay server: ops/s for each, the slowest at 1×', async () => {
  const { results, errors } = await measureClientStacks({ baseUrl: server.url, timeMs: 20, timeoutMs: 5000, names: ['undici', 'undici-pool', 'node-http-close'] });
  assert.deepEqual(errors, []);
  assert.deepEqual(results.map((row) => row.client), ['undici', 'undici-pool', 'node-http-close']);
  for (const row of results) {
    assert.equal(row.path, '/get');
    assert.ok(row.opsPerSec > 0 && row.latencyMs.samplesCount >= MICRO_DEFAULTS.minIterations);
    assert.ok(row.vsSlowest >= 1);
  }
  assert.equal(Math.min(...results.map((row) => row.vsSlowest)), 1);
});

test('a stack that gets an HTTP error is reported as an error', async () => {
  const { results, errors } = await measureClientStacks({ baseUrl: server.url, path: '/status/503', timeMs: 5, timeoutMs: 5000, names: ['undici'] });
  assert.deepEqual(results, []);
  assert.deepEqual(errors, [{ kind: 'client', name: 'undici', error: 'GET /status/503 answered 503' }]);
});
