import assert from 'node:assert/strict';
import { test } from 'node:test';
import { COMPARE_DEFAULTS, compareMetric } from '../../../src/compare/compare.ts';
import { microMetrics } from '../../../src/suites/micro/metrics.ts';
import type { Metric } from '../../../src/compare/metrics/index.ts';
import type { MicroSection } from '../../../src/suites/micro/model.ts';

const latency = (rme: number) => ({ mean: 0.25, p50: 0.2, p99: 0.9, min: 0.15, max: 3, sd: 0.05, rme, samplesCount: 800 });

test('micro rows become metrics; a row the run marked noisy carries why', () => {
  const micro = {
      timeBudgetMs: 200,
      noisyRmePct: 5,
      clients: [
        { client: 'undici', description: '', path: '/get', latencyMs: latency(31.2), opsPerSec: 4000, vsSlowest: 1, noisy: true },
        { client: 'undici-dispatch', description: '', path: '/get', latencyMs: latency(2), opsPerSec: 9000, vsSlowest: 2.25, noisy: false },
      ],
      schedulers: [{ strategy: 'pool', concurrency: 10, tasks: 100, runMs: latency(1), perTaskMs: 0.0001, noisy: false }],
      recording: [{ variant: 'plain (scale suite)', requests: 1000, concurrency: 100, runMs: latency(3), perRequestMs: 0.004, noisy: false }],
      errors: [],
  } as unknown as MicroSection;
  const metrics = microMetrics(micro);
  assert.deepEqual(
    metrics.map((m) => [m.id, m.noisy ?? null]),
    [
      ['micro/client/undici/opsPerSec', 'rme ±31.2%'],
      ['micro/client/undici-dispatch/opsPerSec', null],
      ['micro/scheduler/pool/k=10/tasks=100/perTaskMs', null],
      ['micro/recording/plain_(scale_suite)/perRequestMs', null],
    ],
  );
});

test('compare gives a noisy metric no verdict and says so, even when it moved a lot', () => {
  const metric = (value: number, noisy?: string): Metric => ({ id: 'micro/client/undici/opsPerSec', unit: 'ops/s', direction: 'higher', samples: [1, 2, 3].map((i) => value + i), value, ...(noisy ? { noisy } : {}) });
  const settings = { ...COMPARE_DEFAULTS, metricGlobs: [] };
  const skipped = compareMetric(metric(4000), metric(2000, 'rme ±31.2%'), settings);
  assert.equal(skipped.verdict, 'unchanged');
  assert.equal(skipped.note, 'noisy (current rme ±31.2%): verdict skipped');
  assert.equal(skipped.test, null);
});
