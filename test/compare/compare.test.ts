import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareMetrics, compareReports } from '../../src/compare/compare.ts';
import { globToRegExp } from '../../src/compare/glob.ts';
import { extractMetrics, rowsExtractor, type Metric, type MetricExtractor } from '../../src/compare/metrics/index.ts';

import type { Comparison } from '../../src/compare/model.ts';
import { gateExitCode, refuseUnlike } from '../../src/cli/gate.ts';
import { InputError } from '../../src/util/input-error.ts';
import { seededRandom } from '../../src/stats/random.ts';
import { fixture } from './fixtures.ts';

const POOL = 'strategies/lesson/pool/k=2/undici/wallMs';
const verdicts = (c: Pick<Comparison, 'metrics'>): Record<string, string> => Object.fromEntries(c.metrics.map((m) => [m.id, m.verdict]));

test('strategy rows become metrics with stable ids, lower is better, samples = wallMs.samples', () => {
  const { report } = fixture('real');
  const metrics = extractMetrics(report);
  assert.deepEqual(
    metrics.map((m) => m.id),
    ['strategies/lesson/sequential/k=-/undici/wallMs', 'strategies/lesson/all/k=-/undici/wallMs', POOL],
  );
  const pool = metrics[2]!;
  assert.equal(pool.unit, 'ms');
  assert.equal(pool.direction, 'lower');
  assert.deepEqual(pool.samples, report.strategies[2]!.wallMs.samples);
  assert.equal(pool.samples.length, 10);
});

test('identical reports: every metric unchanged, ratio 1, p = 1, no environment warning', () => {
  const c = compareReports(fixture('real'), fixture('real'));
  assert.equal(c.metrics.length, 3);
  assert.deepEqual(c.counts, { regressed: 0, improved: 0, unchanged: 3 });
  for (const m of c.metrics) {
    assert.equal(m.ratio, 1);
    assert.equal(m.pValue, 1);
  }
  assert.deepEqual(c.environment, []);
  assert.equal(gateExitCode(c, { failOn: 'any-change', strict: true }), 0);
});

test('a 10% slowdown in realistic noise (2% jitter, 10% stalls) regresses every row and fails the gate', () => {
  const c = compareReports(fixture('noisy-base'), fixture('noisy-slower-10pct'));
  assert.deepEqual(c.counts, { regressed: 3, improved: 0, unchanged: 0 });
  for (const m of c.metrics) {
    assert.ok(m.ci && m.ci.low > 1.05, `${m.id} CI ${JSON.stringify(m.ci)}`);
    assert.ok(m.pValue !== null && m.pValue < 0.05);
  }
  assert.equal(gateExitCode(c, { failOn: 'regressed', strict: false }), 1);
  assert.equal(gateExitCode(c, { failOn: 'never', strict: false }), 0);
});

test('the same pair reversed is an improvement: fails only with --fail-on any-change', () => {
  const c = compareReports(fixture('noisy-slower-10pct'), fixture('noisy-base'));
  assert.deepEqual(c.counts, { regressed: 0, improved: 3, unchanged: 0 });
  assert.equal(gateExitCode(c, { failOn: 'regressed', strict: false }), 0);
  assert.equal(gateExitCode(c, { failOn: 'any-change', strict: false }), 1);
});

test('a 1% shift in 5% noise stays unchanged, even where the rank test alone is significant', () => {
  const c = compareReports(fixture('noise5-base'), fixture('noise5-shift-1pct'));
  assert.deepEqual(c.counts, { regressed: 0, improved: 0, unchanged: 3 });
  // With this seed one row's p dips under α: only the noise threshold keeps it unchanged.
  assert.ok(c.metrics.some((m) => m.pValue !== null && m.pValue < 0.05));
});

/** A higher-is-better metric through the extractor interface: requests per second of each row. */
const throughputExtractor = {
  section: 'strategies',
  extract: (report) =>
    report.strategies.map((row) => {
      const samples = row.wallMs.samples.map((wallMs) => (row.requests.total / row.iterations / wallMs) * 1000);
      return { id: `synthetic/${row.fixture}/${row.name}/reqPerSec`, unit: 'req/s', direction: 'higher', samples, value: Math.max(...samples) };
    }),
} satisfies MetricExtractor;

test('direction: a throughput drop regresses and a rise improves (synthetic higher-is-better extractor)', () => {
  const options = { extractors: [rowsExtractor, throughputExtractor] };
  const slower = compareReports(fixture('noisy-base'), fixture('noisy-slower-10pct'), options);
  assert.equal(slower.metrics.length, 6);
  for (const m of slower.metrics.filter((m) => m.direction === 'higher')) {
    assert.equal(m.verdict, 'regressed', m.id);
    assert.ok(m.ci && m.ci.high < 0.95);
  }
  const faster = compareReports(fixture('noisy-slower-10pct'), fixture('noisy-base'), options);
  for (const m of faster.metrics.filter((m) => m.direction === 'higher')) assert.equal(m.verdict, 'improved', m.id);
});

test('direction on bare metrics: a 10% throughput drop with 2% noise regresses, a 10% rise improves', () => {
  const random = seededRandom(11);
  const rps = (centre: number): Metric => {
    const samples = Array.from({ length: 12 }, () => centre * (1 + 0.02 * (random() - 0.5) * 2));
    return { id: 'load/get/c=100/rps', unit: 'req/s', direction: 'higher', samples, value: centre };
  };
  const base = rps(10_000);
  assert.deepEqual(verdicts(compareMetrics([base], [rps(9_000)])), { 'load/get/c=100/rps': 'regressed' });
  assert.deepEqual(verdicts(compareMetrics([base], [rps(11_000)])), { 'load/get/c=100/rps': 'improved' });
});

test('mismatched environment: listed prominently; --strict refuses with one line', () => {
  const c = compareReports(fixture('real'), fixture('other-machine'));
  assert.deepEqual(
    c.environment.map((d) => d.field),
    ['node major', 'CPU model', 'CPU cores'],
  );
  assert.deepEqual(c.environment[0], { field: 'node major', baseline: '20', current: '22' });
  assert.throws(
    () => refuseUnlike(c),
    (error: unknown) => error instanceof InputError && /--strict: .* were not measured alike \(node major: 20 ≠ 22; CPU model/.test(error.message),
  );
  assert.doesNotThrow(() => refuseUnlike(compareReports(fixture('real'), fixture('real'))));
});

test('metrics on one side only are listed; fatal only with --strict', () => {
  const c = compareReports(fixture('real'), fixture('without-pool'));
  assert.deepEqual(c.onlyInBaseline, [POOL]);
  assert.deepEqual(c.onlyInCurrent, []);
  assert.equal(c.metrics.length, 2);
  assert.equal(gateExitCode(c, { failOn: 'regressed', strict: false }), 0);
  assert.equal(gateExitCode(c, { failOn: 'regressed', strict: true }), 1);
  const reverse = compareReports(fixture('without-pool'), fixture('real'));
  assert.deepEqual(reverse.onlyInCurrent.map((m) => m.id), [POOL]);
  assert.equal(reverse.onlyInCurrent[0]?.current.n, 10);
});

test('--metric globs select metrics: * within a segment, ** across', () => {
  const c = compareReports(fixture('noisy-base'), fixture('noisy-slower-10pct'), { metricGlobs: ['strategies/*/pool/**'] });
  assert.deepEqual(Object.keys(verdicts(c)), [POOL]);
  assert.ok(globToRegExp('strategies/*/pool/*/undici/wallMs').test(POOL));
  assert.ok(!globToRegExp('strategies/*/wallMs').test(POOL));
  assert.ok(globToRegExp('**/wallMs').test(POOL));
  assert.ok(globToRegExp('strategies/lesson/pool/k=?/undici/wallMs').test(POOL));
  assert.ok(!globToRegExp('strategies/lesson/pool/k=2.undici/wallMs').test(POOL.replace('k=2/', 'k=2x')));
});

test('too few samples: the note says the verdict cannot be anything but unchanged', () => {
  const base = fixture('noisy-base');
  const slower = fixture('noisy-slower-10pct');
  for (const side of [base, slower]) for (const row of side.report.strategies) row.wallMs.samples = row.wallMs.samples.slice(0, 3);
  const c = compareReports(base, slower);
  assert.deepEqual(c.counts, { regressed: 0, improved: 0, unchanged: 3 });
  assert.match(c.metrics[0]?.note ?? '', /n=3 vs 3 cannot reach α=0.05/);
});

test('the comparison is deterministic (seeded bootstrap)', () => {
  assert.deepEqual(compareReports(fixture('noisy-base'), fixture('noisy-slower-10pct')), compareReports(fixture('noisy-base'), fixture('noisy-slower-10pct')));
});
