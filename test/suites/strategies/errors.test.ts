// One strategy failing — throwing inside our code, losing or duplicating requests — is recorded in
// report.errors and the other strategies still run and are reported.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { LoadedFixture } from '../../../src/run/fixtures.ts';
import { runBench } from '../../../src/run/run-bench.ts';
import { strategies, type Strategy, type StrategyName } from '../../../src/strategies/index.ts';
import { suites, type Suite, type SuiteName } from '../../../src/suites/index.ts';
import { indices } from '../../../src/strategies/strategy.ts';

const registry = strategies as unknown as Record<string, Strategy>;
const broken: Record<string, Strategy> = {
  'throws-sync': {
    name: 'throws-sync',
    description: 'throws before scheduling anything',
    takesConcurrency: false,
    run: () => {
      throw new TypeError('bug before the first call');
    },
    idealMs: () => 0,
  },
  'throws-midway': {
    name: 'throws-midway',
    description: 'throws after some calls are in flight',
    takesConcurrency: false,
    run: async (count, attempt) => {
      const inFlight = indices(count).map((i) => attempt(i).catch(() => undefined));
      await inFlight[0];
      throw new RangeError('bug after the first call');
    },
    idealMs: () => 0,
  },
  skips: {
    name: 'skips',
    description: 'never issues the last request',
    takesConcurrency: false,
    run: (count, attempt) => Promise.allSettled(indices(count - 1).map((i) => attempt(i))),
    idealMs: () => 0,
  },
  duplicates: {
    name: 'duplicates',
    description: 'issues request 0 twice instead of request 1',
    takesConcurrency: false,
    run: (count, attempt) => Promise.allSettled(indices(count).map((i) => attempt(i === 1 ? 0 : i))),
    idealMs: () => 0,
  },
};

before(() => Object.assign(registry, broken));
after(() => {
  for (const name of Object.keys(broken)) delete registry[name];
});

const fixture: LoadedFixture = { name: 'tiny', description: '', paths: ['/delay/1', '/get', '/status/503'], concurrency: [2], file: '(test)' };

test('a failing strategy is recorded in report.errors; the others run and are reported', async () => {
  const names = ['sequential', 'throws-sync', 'all', 'throws-midway', 'skips', 'duplicates', 'pool'] as StrategyName[];
  const saved: boolean[] = [];
  const report = await runBench({
    suites: ['strategies'],
    fixtures: [fixture],
    strategies: names,
    concurrency: null,
    client: 'undici',
    iterations: 1,
    warmup: 0,
    timeScale: 0.02,
    timeoutMs: 2_000,
    onReport: async (r) => void saved.push(r.complete),
  });
  assert.equal(report.complete, true);
  assert.deepEqual(report.strategies.map((r) => r.name), ['sequential', 'all', 'pool']);
  for (const row of report.strategies) assert.equal(row.requests.total, 3);
  const errors = Object.fromEntries(report.errors.map((e) => [e.name, e.error]));
  assert.deepEqual(Object.keys(errors).sort(), ['duplicates', 'skips', 'throws-midway', 'throws-sync']);
  assert.match(errors['throws-sync']!, /bug before the first call/);
  assert.match(errors['throws-midway']!, /bug after the first call/);
  assert.match(errors.skips!, /2 of 3 requests recorded/);
  assert.match(errors.duplicates!, /recorded request 0 twice/);
  assert.equal(saved.at(-1), true, 'the final report was handed over for writing');
});

test('a suite that throws is recorded in report.errors; the suites after it still run', async () => {
  const explodes = {
    name: 'explodes',
    description: 'throws',
    section: null,
    flags: {},
    help: '',
    defaults: () => ({}),
    parseOptions: () => ({}),
    run: () => Promise.reject(new Error('suite bug')),
    render: () => '',
    failures: () => [],
    metrics: () => [],
  } satisfies Suite<null, Record<string, never>>;
  const report = await runBench(
    {
      suites: ['explodes', 'strategies'] as SuiteName[],
      fixtures: [fixture],
      strategies: ['all'],
      concurrency: null,
      client: 'undici',
      iterations: 1,
      warmup: 0,
      timeScale: 0.02,
      timeoutMs: 2_000,
    },
    { ...suites, explodes },
  );
  assert.equal(report.complete, true);
  assert.deepEqual(report.errors.map((e) => [e.name, e.error]), [['suite:explodes', 'suite bug']]);
  assert.deepEqual(report.strategies.map((r) => r.name), ['all']);
});
