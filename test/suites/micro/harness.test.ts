import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startDelayServer, type DelayServer } from '../../../src/server/index.ts';
import { STRATEGY_NAMES, strategies, type Strategy } from '../../../src/strategies/index.ts';
import { measureClientStacks } from '../../../src/suites/micro/clients.ts';
import { MICRO_DEFAULTS } from '../../../src/suites/micro/options.ts';
import { measureSchedulers } from '../../../src/suites/micro/schedulers.ts';

let server: DelayServer;
before(async () => (server = await startDelayServer({ port: 0 })));
after(() => server.close());

test('scheduler overhead: every registered strategy over zero-delay tasks, per-task cost from the mean run', async () => {
  const { results, errors } = await measureSchedulers({ timeMs: 5, tasks: [20] });
  assert.deepEqual(errors, []);
  assert.deepEqual(results.map((row) => row.strategy), STRATEGY_NAMES.filter((name) => !strategies[name].retries));
  for (const row of results) {
    assert.equal(row.tasks, 20);
    assert.ok(row.runMs.samplesCount >= MICRO_DEFAULTS.minIterations, `${row.strategy}: ${row.runMs.samplesCount} runs`);
    assert.ok(row.perTaskMs > 0);
    assert.equal(row.perTaskMs, row.runMs.mean / 20);
    assert.equal(row.concurrency, strategies[row.strategy as keyof typeof strategies]?.takesConcurrency ? MICRO_DEFAULTS.schedulerConcurrency : null);
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
