import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { main } from '../../src/cli/main.ts';
import { InputError } from '../../src/util/input-error.ts';
import { mergeReports, type SourcedReport } from '../../src/merge/merge-reports.ts';
import type { LoadSection } from '../../src/suites/load/model.ts';
import type { OpenSection } from '../../src/suites/open/model.ts';
import type { Report } from '../../src/model/report.ts';
import { parseReport } from '../../src/model/schema.ts';
import { seededRandom } from '../../src/stats/random.ts';
import { decodeHistogram, encodeHistogram, latencyHistogramUs, summarizeHistogram, type Histogram } from '../../src/stats/hdr.ts';
import { quantile } from '../../src/stats/percentile.ts';
import { captureIO } from '../cli/capture-io.ts';
import { fixture } from '../compare/fixtures.ts';

const readJson = (path: string): unknown => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const loadSection = readJson('../suites/load/fixtures/load-section.json') as LoadSection;
const openSection = readJson('../suites/open/fixtures/open-section.json') as OpenSection;

/** Latencies with a heavy tail, seeded: most near `centre`, a few up to 20× it. */
function latencies(seed: number, count: number, centre: number): number[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => Math.max(1, Math.round(centre * (0.5 + random()) * (random() < 0.02 ? 20 * random() : 1))));
}

function histogramOf(values: readonly number[]): Histogram {
  const histogram = latencyHistogramUs();
  for (const value of values) histogram.recordValue(value);
  return histogram;
}

interface Runner {
  report: Report;
  /** Every latency recorded into the runner's load and open histograms, per histogram. */
  loadMs: number[];
  openUs: number[];
}

/** A runner's report: real strategy rows with seeded wall samples, and one load point and open step with seeded histograms. */
function runner(index: number): Runner {
  const report = structuredClone(fixture('real').report);
  report.startedAt = `2026-12-02T08:0${index}:00.000Z`;
  report.environment = { ...report.environment, gitCommit: `runner-${index}` };
  const random = seededRandom(100 + index);
  for (const row of report.strategies) {
    row.wallMs.samples = row.wallMs.samples.map((s) => s * (0.9 + 0.2 * random()));
  }
  const loadMs = latencies(10 + index, 2000 + 500 * index, 50);
  const openUs = latencies(20 + index, 1000 + 300 * index, 51_000);
  const load = structuredClone(loadSection);
  load.points = load.points.slice(0, 2);
  for (const point of load.points) {
    if (point.delayServer.state !== 'measured') throw new Error('fixture point not measured');
    const histogram = histogramOf(loadMs);
    point.delayServer.latencyHistogram = encodeHistogram(histogram);
    point.delayServer.latencyMs = summarizeHistogram(histogram, 1);
    point.delayServer.completed = loadMs.length;
    point.delayServer.requestsPerSec = 1000 + index;
    histogram.destroy();
  }
  const open = structuredClone(openSection);
  // Runners draw their own Poisson schedules (the workflow seeds each with its index).
  open.seed = index;
  for (const step of open.steps) {
    const histogram = histogramOf(openUs);
    step.histograms.fromIntendedUs = encodeHistogram(histogram);
    step.fromIntendedMs = summarizeHistogram(histogram, 1000);
    histogram.destroy();
  }
  return { report: { ...report, load, open }, loadMs, openUs };
}

const sourced = (runners: readonly Runner[]): SourcedReport[] => runners.map((r, i) => ({ report: r.report, source: `runner-${i}.json` }));

/** One histogram recording every value, as a single runner would have stored it in its report. */
function stored(values: readonly number[]): Histogram {
  const direct = histogramOf(values);
  const roundTripped = decodeHistogram(encodeHistogram(direct));
  // Storing keeps every bucket: the percentiles and mean are the direct ones; max becomes its bucket's top.
  const { max: _max, ...percentiles } = summarizeHistogram(direct, 1)!;
  const { max: _storedMax, ...storedPercentiles } = summarizeHistogram(roundTripped, 1)!;
  assert.deepEqual(storedPercentiles, percentiles);
  direct.destroy();
  return roundTripped;
}

test('merged latency percentiles equal those of one histogram holding every sample', () => {
  const runners = [runner(1), runner(2), runner(3)];
  const merged = parseReport(mergeReports(sourced(runners)), 'merged');
  const allLoad = stored(runners.flatMap((r) => r.loadMs));
  const allOpen = stored(runners.flatMap((r) => r.openUs));
  try {
    for (const point of merged.load!.points) {
      assert.equal(point.delayServer.state, 'measured');
      if (point.delayServer.state !== 'measured') continue;
      assert.deepEqual(point.delayServer.latencyMs, summarizeHistogram(allLoad, 1));
      assert.equal(point.delayServer.completed, runners.reduce((sum, r) => sum + r.loadMs.length, 0));
      assert.equal(point.delayServer.requestsPerSec, 1001 + 1002 + 1003, 'runners load at once: their rates add');
    }
    for (const step of merged.open!.steps) assert.deepEqual(step.fromIntendedMs, summarizeHistogram(allOpen, 1000));
    // Averaging the runners' p99s would not give the same figure: the merge must add histograms.
    const averagedP99 = runners.map((r) => quantile(r.loadMs, 0.99)).reduce((a, b) => a + b, 0) / runners.length;
    assert.notEqual(averagedP99, summarizeHistogram(allLoad, 1)!.p99);
  } finally {
    allLoad.destroy();
    allOpen.destroy();
  }
});

test('--open-llm steps: TTFT histograms added, refusals and tokens summed; kept only when every runner has them', () => {
  const runners = [runner(1), runner(2)];
  for (const [index, r] of runners.entries()) {
    for (const step of r.report.open!.steps) {
      const histogram = histogramOf(r.openUs.map((us) => Math.round(us / 4)));
      step.llm = { streamed: 10, ttftMs: summarizeHistogram(histogram, 1000), rateLimited: index + 1, overloaded: 0, streamErrors: index, outputTokens: 100, ttftUs: encodeHistogram(histogram) };
      histogram.destroy();
    }
  }
  const all = stored(runners.flatMap((r) => r.openUs.map((us) => Math.round(us / 4))));
  try {
    const merged = parseReport(mergeReports(sourced(runners)), 'merged');
    for (const step of merged.open!.steps) {
      assert.deepEqual(step.llm?.ttftMs, summarizeHistogram(all, 1000));
      assert.deepEqual([step.llm?.streamed, step.llm?.rateLimited, step.llm?.streamErrors, step.llm?.outputTokens], [20, 3, 1, 200]);
    }
  } finally {
    all.destroy();
  }
  delete runners[1]!.report.open!.steps[0]!.llm;
  assert.equal(parseReport(mergeReports(sourced(runners)), 'merged').open!.steps[0]!.llm, undefined);
});

test('strategy rows: wall samples concatenated and their stats recomputed, counts summed, runners kept', () => {
  const runners = [runner(1), runner(2)];
  const merged = mergeReports(sourced(runners));
  assert.deepEqual(merged.runners?.map((r) => r.environment.gitCommit), ['runner-1', 'runner-2']);
  assert.equal(merged.environment.gitCommit, 'runner-1');
  assert.equal(merged.config.iterations, 20);
  for (const [i, row] of merged.strategies.entries()) {
    const samples = runners.flatMap((r) => r.report.strategies[i]!.wallMs.samples);
    assert.deepEqual(row.wallMs.samples, samples);
    assert.equal(row.wallMs.p50, quantile(samples, 0.5));
    assert.equal(row.wallMs.max, Math.max(...samples));
    assert.equal(row.iterations, 20);
    assert.equal(row.requests.total, runners.reduce((sum, r) => sum + r.report.strategies[i]!.requests.total, 0));
    assert.equal(row.overheadMs, row.wallMs.p50 - row.idealMs);
  }
  const sequential = merged.strategies.find((row) => row.name === 'sequential')!;
  for (const row of merged.strategies) assert.equal(row.speedup, sequential.wallMs.p50 / row.wallMs.p50);
  // A merged report merges again, keeping every runner.
  const again = mergeReports([{ report: merged, source: 'merged.json' }, { report: runner(3).report, source: 'runner-3.json' }]);
  assert.deepEqual(again.runners?.map((r) => r.environment.gitCommit), ['runner-1', 'runner-2', 'runner-3']);
});

test('reports that differ in configuration, rows or sections are refused with one line', () => {
  const a = runner(1).report;
  const cases: Array<[Report, RegExp]> = [
    [{ ...runner(2).report, config: { ...a.config, timeScale: 0.5 } }, /config differs between runner-0\.json and runner-1\.json in timeScale \(0\.02 vs 0\.5\)/],
    [{ ...runner(2).report, strategies: a.strategies.filter((row) => row.name !== 'pool') }, /strategy row lesson\/pool\/k=2\/undici is in runner-0\.json but not in runner-1\.json/],
    [{ ...runner(2).report, load: { ...a.load!, durationS: 2 } }, /the load section differs .* in durationS \(1 vs 2\)/],
    [{ ...runner(2).report, open: { ...a.open!, steps: a.open!.steps.slice(0, 2) } }, /the open-loop section differs .* in rates/],
    [{ ...runner(2).report, micro: fixture('real').report.micro ?? ({} as NonNullable<Report['micro']>) }, /runner-1\.json has a micro section/],
  ];
  for (const [other, message] of cases) {
    assert.throws(() => mergeReports(sourced([{ report: a, loadMs: [], openUs: [] }, { report: other, loadMs: [], openUs: [] }])), (error: unknown) => {
      assert.ok(error instanceof InputError);
      assert.match(error.message, message);
      assert.ok(!error.message.includes('\n'));
      return true;
    });
  }
});

let dir = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fanout-merge-'));
});
after(async () => rm(dir, { recursive: true, force: true }));

test('fanout-bench merge writes the merged report atomically; bad input exits 2 with one line', async () => {
  const files = await Promise.all(
    [runner(1), runner(2)].map(async (r, i) => {
      const file = join(dir, `runner-${i}.json`);
      await writeFile(file, JSON.stringify(r.report));
      return file;
    }),
  );
  const out = join(dir, 'merged', 'all.json');
  const ok = captureIO();
  assert.equal(await main(['merge', ...files, '--out', out], ok.io), 0);
  assert.match(ok.stderr(), /merged 2 reports \(2 runners\) into .*all\.json/);
  const merged = parseReport(JSON.parse(await readFile(out, 'utf8')), out);
  assert.equal(merged.runners?.length, 2);
  const mismatched = join(dir, 'other.json');
  await writeFile(mismatched, JSON.stringify({ ...runner(3).report, config: { ...runner(3).report.config, client: 'fetch' } }));
  for (const args of [[files[0]!], [files[0]!, mismatched], [files[0]!, join(dir, 'absent.json')]]) {
    const bad = captureIO();
    assert.equal(await main(['merge', ...args], bad.io), 2, args.join(' '));
    assert.equal(bad.stdout(), '');
    assert.equal(bad.stderr().trim().split('\n').length, 1, bad.stderr());
  }
});
