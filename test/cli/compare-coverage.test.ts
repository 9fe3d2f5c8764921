import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { main } from '../../src/cli/main.ts';
import { coverageGap } from '../../src/compare/coverage.ts';
import { extractMetrics } from '../../src/compare/metrics/index.ts';
import { fixture, fixturePath } from '../compare/fixtures.ts';
import { captureIO } from './capture-io.ts';

let dir = '';
const savedSummary = process.env.GITHUB_STEP_SUMMARY;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fanout-coverage-'));
  delete process.env.GITHUB_STEP_SUMMARY;
});
after(async () => {
  if (savedSummary !== undefined) process.env.GITHUB_STEP_SUMMARY = savedSummary;
  await rm(dir, { recursive: true, force: true });
});

async function compare(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const captured = captureIO();
  const code = await main(['compare', ...args], captured.io);
  return { code, stdout: captured.stdout(), stderr: captured.stderr() };
}

const metricsOf = (name: string) => extractMetrics(fixture(name).report);

test('coverageGap: nothing in common, gated metrics missing, or nothing to say', () => {
  const none = { metricGlobs: [], thresholdPatterns: [] };
  assert.equal(coverageGap(metricsOf('real'), metricsOf('real'), none), null);
  assert.deepEqual(coverageGap(metricsOf('real'), metricsOf('renamed-fixture'), none), { kind: 'nothing-in-common', missing: [] });
  // A dropped row is only listed when nothing gates on it...
  assert.equal(coverageGap(metricsOf('real'), metricsOf('without-pool'), none), null);
  // ...and is a gap when a --metric glob or a threshold names it.
  const pool = ['strategies/lesson/pool/k=2/undici/wallMs'];
  assert.deepEqual(coverageGap(metricsOf('real'), metricsOf('without-pool'), { metricGlobs: ['strategies/lesson/**'], thresholdPatterns: [] }), { kind: 'gated-missing', missing: pool });
  assert.deepEqual(coverageGap(metricsOf('real'), metricsOf('without-pool'), { metricGlobs: [], thresholdPatterns: ['strategies/*/*/**'] }), { kind: 'gated-missing', missing: pool });
  // A --metric glob that selects only the dropped row leaves nothing in common.
  assert.deepEqual(coverageGap(metricsOf('real'), metricsOf('without-pool'), { metricGlobs: ['**/pool/**'], thresholdPatterns: [] }), { kind: 'nothing-in-common', missing: [] });
  // Threshold globs that still match their metrics are no gap.
  assert.equal(coverageGap(metricsOf('real'), metricsOf('without-pool'), { metricGlobs: [], thresholdPatterns: ['strategies/lesson/all/**'] }), null);
});

test('compare of reports with no metric in common exits 1 with one line, 0 with --allow-missing', async () => {
  const refused = await compare(fixturePath('real'), fixturePath('renamed-fixture'));
  assert.equal(refused.code, 1);
  assert.match(refused.stdout, /missing in current/);
  assert.equal(refused.stderr.trim().split('\n').length, 1, refused.stderr);
  assert.match(refused.stderr, /^fanout-bench: compare: .*real\.json and .*renamed-fixture\.json share no compared metric, so nothing was compared .*--allow-missing accepts this\n$/);
  const allowed = await compare(fixturePath('real'), fixturePath('renamed-fixture'), '--allow-missing');
  assert.equal(allowed.code, 0);
  assert.equal(allowed.stderr, '');
});

test('gated metrics missing from the current report exit 1 (--metric, thresholds); --allow-missing passes', async () => {
  const byGlob = await compare(fixturePath('real'), fixturePath('without-pool'), '--metric', 'strategies/lesson/**');
  assert.equal(byGlob.code, 1);
  assert.match(byGlob.stderr, /1 gated metric\(s\) missing from .*without-pool\.json: strategies\/lesson\/pool\/k=2\/undici\/wallMs; --allow-missing accepts this/);
  assert.equal((await compare(fixturePath('real'), fixturePath('without-pool'), '--metric', 'strategies/lesson/**', '--allow-missing')).code, 0);
  const config = join(dir, 'config.json');
  await writeFile(config, JSON.stringify({ thresholds: { 'strategies/lesson/*/**': ['p50 < 100000'] } }));
  const byThreshold = await compare(fixturePath('real'), fixturePath('without-pool'), '--config', config);
  assert.equal(byThreshold.code, 1);
  assert.match(byThreshold.stderr, /gated metric\(s\) missing/);
  assert.equal((await compare(fixturePath('real'), fixturePath('without-pool'), '--config', config, '--allow-missing')).code, 0);
  // A failed threshold still outranks it: 99.
  await writeFile(config, JSON.stringify({ thresholds: { 'strategies/lesson/*/**': ['p50 < 1'] } }));
  assert.equal((await compare(fixturePath('real'), fixturePath('without-pool'), '--config', config)).code, 99);
});
