import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { ReportSchema } from '../../src/model/report.ts';
import { reporters } from '../../src/report/index.ts';
import { microTable } from '../../src/suites/micro/table.ts';
import { scaleTable } from '../../src/suites/scale/table.ts';
import { assertGoldenAt } from '../golden.ts';

const report = ReportSchema.parse(JSON.parse(await readFile(new URL('./fixtures/micro-scale-report.json', import.meta.url), 'utf8')));

test('micro table: client stacks with × vs slowest, scheduler cost in µs, errors listed', async () => {
  assert.ok(report.micro);
  const text = microTable(report.micro);
  assert.match(text, /│ undici +│ 4,000 +│ ±2\.5% +│ 200 µs +│ 900 µs +│ 800 +│ 2\.50× +│/);
  assert.match(text, /│ pool +│ 10 +│ 10,000 +│ 0\.060 µs +│ 600 µs +│/);
  assert.match(text, /ERROR micro client node-http: GET \/get answered 503/);
  assert.match(text, /│ node-http-close +│ 2,000 +│ ±9\.8% noisy +│/);
  assert.match(text, /^noisy: rme above 5% — shown, but compare gives such rows no verdict\.$/m);
  assert.match(text, /│ plain \(scale suite\) +│ 1,000 +│ 100 +│ 4\.000 µs +│ 4\.00 ms +│ ±1\.5% +│ 120 +│/);
  assertGoldenAt(text, new URL('./fixtures/micro.table.txt', import.meta.url));
});

test('scale table: measured, skipped and errored points all shown', async () => {
  assert.ok(report.scale);
  const text = scaleTable(report.scale);
  assert.match(text, /│ 10,000 +│ 1,000 +│ 1\.100 s \* +│ 500 ms +│ 2\.200× +│ 1\.000 s +│ 1\.10× \* +│ 9998\/2 +│ 180 ms +│ 48\.5 ms +│ 97%\/71% +│ 150 µs +│ 39\.1 KiB +│ – +│/);
  // A point from an older report, without a floor, shows none.
  assert.match(text, /│ 10 +│ 1 +│ 513 ms +│ 500 ms +│ 1\.025× +│ – +│ – +│ 10\/0 +│/);
  assert.match(text, /^\* generator-bound \(the harness, not the server, limited this figure\): 10,000 × 1,000: client event loop 97% busy \(≥ 90%\)$/m);
  assert.match(text, /interleaved with the harness in 3 pair\(s\) per point/);
  assert.match(text, /skipped: predicted ideal 50000 ms exceeds the 5000 ms budget/);
  assert.match(text, /ERROR: warm-up: 3 of 100 GET \/get failed/);
  assertGoldenAt(text, new URL('./fixtures/scale.table.txt', import.meta.url));
});

test('the table reporter appends both sections and leaves out the strategy footer when that suite did not run', async () => {
  const text = reporters.table.render(report);
  assert.ok(text.includes(microTable(report.micro!)) && text.includes(scaleTable(report.scale!)));
  assert.doesNotMatch(text, /no strategy rows were measured|measured runs per row/);
  assertGoldenAt(text, new URL('./fixtures/micro-scale.report-table.txt', import.meta.url));
});

test('micro table: a scheduler row skipped for its predicted run time is listed with the prediction', () => {
  assert.ok(report.micro);
  const text = microTable({
    ...report.micro,
    skippedSchedulers: [{ strategy: 'bottleneck', concurrency: 10, tasks: 100_000, predictedRunMs: 452_000, maxRunMs: 4000 }],
  });
  assert.ok(text.startsWith(microTable(report.micro).split('tinybench time budget')[0] ?? '—'), 'the tables are unchanged');
  assert.match(text, /skipped bottleneck\(10\) × 100,000: one run predicted at .+ from its cost per task at fewer tasks, over the .+ bound\./);
});

test('micro table: the recorder rows, per request off and what recording adds (negative when noise wins)', () => {
  assert.ok(report.micro);
  const text = microTable({
    ...report.micro,
    recorderCost: [
      { stack: 'undici', requests: 300, pairs: 6, medianOffMsPerRequest: 0.1, medianDeltaMsPerRequest: 0.012 },
      { stack: 'node:http', requests: 300, pairs: 6, medianOffMsPerRequest: 0.15, medianDeltaMsPerRequest: -0.003 },
    ],
  });
  assert.match(text, /│ undici +│ 300 × 6 +│ 100 µs +│ \+12\.0 µs +│ 12\.0 % +│/);
  assert.match(text, /│ node:http +│ 300 × 6 +│ 150 µs +│ −3\.000 µs +│ -2\.0 % +│/);
  assert.match(text, /request recorder: sequential GET loops with the recorder off and on, interleaved; medians over pairs\./);
});
