// Golden renders of the load and open-loop tables. The sections come from a real run, edited to
// cover a failed server, a saturated generator and a knee.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { LoadSectionSchema } from '../../../src/suites/load/model.ts';
import { OpenSectionSchema } from '../../../src/suites/open/model.ts';
import { renderLoadTable } from '../../../src/suites/load/table.ts';
import { renderOpenTable } from '../../../src/suites/open/table.ts';
import { tableReporter } from '../../../src/report/table.ts';
import { emptyReport } from '../../../src/run/run-bench.ts';
import { loadPoint } from '../../../src/suites/load/run-load.ts';

const read = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8');
const load = LoadSectionSchema.parse(JSON.parse(read('fixtures/load-section.json')));
const open = OpenSectionSchema.parse(JSON.parse(read('../open/fixtures/open-section.json')));

/** UPDATE_GOLDEN=1 rewrites the golden file instead of comparing. */
function golden(name: string, actual: string): void {
  const url = new URL(`fixtures/${name}`, import.meta.url);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(url, actual);
  assert.equal(actual, readFileSync(url, 'utf8'));
}

test('the load table', () => {
  const text = renderLoadTable(load);
  golden('load-table.txt', text);
  assert.match(text, /FAILED \/delay\/0\.05 c=1 bare server: load generator gave no result/);
  assert.match(text, /\* generator saturated/);
});

test('a point whose generator saturated is generator-bound, marked beside its req/s and ratio with the reason', () => {
  const points = load.points.map((p) => loadPoint(p.endpoint, p.connections, p.delayMs, p.delayServer, p.bare));
  const bound = points.filter((p) => p.generatorBound);
  assert.equal(bound.length, 1);
  assert.match(bound[0]?.generatorBoundReason ?? '', /^against the (delay|bare) server, autocannon used \d+% of a core with its event loop \d+% busy/);
  const text = renderLoadTable({ ...load, points });
  golden('load-table-bound.txt', text);
  assert.match(text, /^‡ generator-bound \(autocannon, not the server, may have limited this figure\): /m);
  assert.equal(text.split('\n').filter((line) => /│ [\d,]+ ‡ /.test(line)).length, 1);
});

test('a point measured in pairs shows the median pair ratios (req/s and CPU) and the pairs\' ranges; a point without keeps its merged figures', () => {
  const [first, ...rest] = load.points;
  assert.ok(first);
  const paired = loadPoint(first.endpoint, first.connections, first.delayMs, first.delayServer, first.bare, { rps: [0.81, 0.77, 0.69, 0.74], cpu: [0.66, 0.7, 0.64] });
  assert.equal(paired.pairRatioMedian, 0.755);
  assert.equal(paired.pairCpuRatioMedian, 0.66);
  const text = renderLoadTable({ ...load, measuredRuns: 4, points: [paired, ...rest] });
  golden('load-table-pairs.txt', text);
  assert.match(text, /│ 0\.76× 0\.69–0\.81 │/);
  assert.match(text, /│ 0\.66× +│/);
  assert.match(text, /│ 39 \/ 26 = 0\.66× 0\.64–0\.70 │/);
  assert.match(text, /│ 31 \/ 18 +│/);
  assert.match(text, /the median of the 4 interleaved pairs' ratios/);
  assert.doesNotMatch(renderLoadTable(load), /interleaved pairs' ratios/);
});

test('the open-loop table marks the knee', () => {
  const text = renderOpenTable(open);
  golden('open-table.txt', text);
  assert.match(text, /KNEE at 1,600\/s \(the step and its repeat both crossed the rule\) — the scheduler kneed/);
  assert.match(text, /^‡ generator-bound: at the knee \(1600\/s\)/m);
});

test('the table reporter appends the sections present', () => {
  const report = emptyReport({ suites: ['load', 'open'], fixtures: [], strategies: [], concurrency: null, client: 'undici', iterations: 1, warmup: 0, timeScale: 1, timeoutMs: 1000 });
  assert.doesNotMatch(tableReporter.render(report), /Load \(closed loop|Open loop/);
  report.load = load;
  report.open = open;
  const text = tableReporter.render(report);
  assert.ok(text.includes(renderLoadTable(load)));
  assert.ok(text.includes(renderOpenTable(open)));
});
