// Golden outputs of every comparison format for one comparison that has everything: a regression,
// an environment difference, a metric new in current, and passing and failing thresholds.
// Regenerate after an intended change with UPDATE_GOLDEN=1.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { compareReports } from '../../src/compare/compare.ts';
import type { Comparison } from '../../src/compare/model.ts';
import { COMPARISON_FORMATS, comparisonFileSets, comparisonReporters } from '../../src/compare/reporters/index.ts';
import { parseConfig } from '../../src/compare/thresholds/config.ts';
import { fixture } from './fixtures.ts';

function richComparison(): Comparison {
  const baseline = fixture('noisy-base');
  const current = fixture('noisy-slower-10pct');
  baseline.report.strategies = baseline.report.strategies.filter((row) => row.name !== 'pool');
  current.report.environment.cpuModel = 'Other CPU';
  const config = parseConfig(
    { thresholds: { 'strategies/lesson/pool/**': ['p50 < 60', 'max < 45'], 'load/get/**': ['mean > 1000'] } },
    'fanout-bench.config.json',
  );
  return compareReports(baseline, current, { thresholds: config.thresholds });
}

const golden = (name: string): string => fileURLToPath(new URL(`golden/${name}`, import.meta.url));

function matchesGolden(name: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN) writeFileSync(golden(name), actual);
  assert.equal(actual, readFileSync(golden(name), 'utf8'), `${name} differs from its golden file (UPDATE_GOLDEN=1 to accept)`);
}

const comparison = richComparison();

test('every registered format has a golden output', () => {
  assert.deepEqual(COMPARISON_FORMATS, ['table', 'markdown', 'json', 'bmf', 'html', 'github-action-benchmark']);
  matchesGolden('comparison.table.txt', comparisonReporters.table.render(comparison));
  matchesGolden('comparison.md', comparisonReporters.markdown.render(comparison));
  matchesGolden('comparison.json', comparisonReporters.json.render(comparison));
  matchesGolden('comparison.bmf.json', comparisonReporters.bmf.render(comparison));
  matchesGolden('comparison.html', comparisonReporters.html.render(comparison));
  for (const [name, render] of Object.entries(comparisonFileSets['github-action-benchmark'].files)) matchesGolden(name, render(comparison));
});

test('the summaries say which metric regressed, by how much and how sure, and warn about the environment', () => {
  const md = comparisonReporters.markdown.render(comparison);
  assert.match(md, /❌ \*\*2 regressed\*\*/);
  assert.match(md, /> \[!WARNING\]\n.*\n> - CPU model: baseline AMD EPYC ≠ current Other CPU/);
  assert.match(md, /\| `strategies\/lesson\/all\/k=-\/undici\/wallMs` \| [\d.]+ ms \| [\d.]+ ms \| \+\d+\.\d% \| \+\d+\.\d% … \+\d+\.\d% \| <?0\.\d+ \| ❌ regressed \|/);
  assert.match(md, /new in current \(no baseline\): `strategies\/lesson\/pool\/k=2\/undici\/wallMs`/);
  assert.match(md, /\*\*Thresholds: 2 of 3 failed\*\*/);
  const table = comparisonReporters.table.render(comparison);
  assert.ok(table.startsWith('WARNING: the reports were not measured alike'));
  assert.match(table, /FAIL {2}load\/get\/\*\* \(no metric matches\): mean > 1000/);
});

test('BMF: latency in nanoseconds with min/max bounds; github-action-benchmark splits by direction', () => {
  const bmf = JSON.parse(comparisonReporters.bmf.render(comparison)) as Record<string, { latency: { value: number; lower_value: number; upper_value: number } }>;
  const all = comparison.metrics.find((m) => m.id === 'strategies/lesson/all/k=-/undici/wallMs')!;
  const ns = (ms: number): number => Math.round(ms * 1e9) / 1000;
  assert.deepEqual(bmf[all.id], { latency: { value: ns(all.current.value), lower_value: ns(all.current.min), upper_value: ns(all.current.max) } });
  assert.ok(bmf['strategies/lesson/pool/k=2/undici/wallMs'], 'metrics new in current are in the BMF too');
  const files = comparisonFileSets['github-action-benchmark'].files;
  const smaller = JSON.parse(files['customSmallerIsBetter.json'](comparison)) as Array<Record<string, unknown>>;
  assert.deepEqual(Object.keys(smaller[0] ?? {}), ['name', 'unit', 'value', 'range', 'extra']);
  assert.equal(smaller.length, 3, 'compared metrics and the one new in current');
  assert.deepEqual(JSON.parse(files['customBiggerIsBetter.json'](comparison)), []);
});
