// End to end: two real runs at a small time scale, the second made 20% slower through the delay
// server's time scale; both the run's --baseline gate and `compare` must exit 1. Time scale 0.05
// rather than 0.02: other test files share the CPU, and their stalls (a few ms) must stay small
// next to a ~100 ms wall time for the test to be reliable.
import assert from 'node:assert/strict';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { main } from '../../src/cli/main.ts';
import { captureIO } from './capture-io.ts';

const LESSON = fileURLToPath(new URL('../../fixtures/lesson.json', import.meta.url));
const RUN = ['run', '--suite', 'strategies', '--urls', LESSON, '--strategies', 'sequential,all', '--iterations', '10', '--warmup', '1', '--quiet'];

let dir = '';
const savedSummary = process.env.GITHUB_STEP_SUMMARY;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fanout-compare-e2e-'));
  delete process.env.GITHUB_STEP_SUMMARY;
});
after(async () => {
  if (savedSummary !== undefined) process.env.GITHUB_STEP_SUMMARY = savedSummary;
  await rm(dir, { recursive: true, force: true });
});

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const captured = captureIO();
  const code = await main(args, captured.io);
  return { code, stdout: captured.stdout(), stderr: captured.stderr() };
}

test('a 20% slower server: run --baseline and compare both exit 1; thresholds exit 99', async () => {
  const baseline = join(dir, 'baselines', 'ci.json');
  const first = await cli([...RUN, '--time-scale', '0.05', '--out', join(dir, 'a'), '--save-baseline', baseline]);
  assert.equal(first.code, 0, first.stderr);
  await access(baseline);

  const second = await cli([...RUN, '--time-scale', '0.06', '--out', join(dir, 'b'), '--baseline', baseline]);
  assert.equal(second.code, 1, `${second.stdout}\n${second.stderr}`);
  assert.match(second.stderr, /REGRESSED/);
  assert.match(second.stderr, /time scale: baseline 0\.05 ≠ current 0\.06/);

  const compared = await cli(['compare', join(dir, 'a', 'latest.json'), join(dir, 'b', 'latest.json')]);
  assert.equal(compared.code, 1, compared.stdout);
  assert.match(compared.stdout, /strategies\/lesson\/all\/k=-\/undici\/wallMs .*REGRESSED/);

  const config = join(dir, 'fanout-bench.config.json');
  await writeFile(config, JSON.stringify({ thresholds: { 'strategies/lesson/all/**': ['p50 < 1'] } }));
  const gated = await cli(['compare', join(dir, 'a', 'latest.json'), join(dir, 'a', 'latest.json'), '--config', config]);
  assert.equal(gated.code, 99);
  const thresholdsOnly = await cli([...RUN, '--time-scale', '0.02', '--iterations', '2', '--out', join(dir, 'c'), '--config', config]);
  assert.equal(thresholdsOnly.code, 99);
  assert.match(thresholdsOnly.stderr, /THRESHOLDS: 1 of 1 failed\n {2}FAIL {2}strategies\/lesson\/all\/k=-\/undici\/wallMs: p50 < 1/);
  const saved = JSON.parse(await readFile(baseline, 'utf8')) as { strategies: Array<{ wallMs: { samples: number[] } }> };
  assert.ok(saved.strategies.every((row) => row.wallMs.samples.length === 10), 'every measured sample is kept');
});
