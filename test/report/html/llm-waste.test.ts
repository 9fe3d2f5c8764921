// The waste-and-cost chart: drawn from the rows' waste fields (rows of older reports left out), the
// wasted share of output tokens in vermillion, the cost and the unpriced models in its table.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { llmWasteChart } from '../../../src/report/html/charts/llm-waste.ts';
import type { Report } from '../../../src/model/report.ts';
import { llmReport } from './full-report.ts';

/** The LLM fixture with waste on its first two rows and a cost on the first (the fixture predates both). */
function withWaste(): Report {
  const report = llmReport();
  const [first, second] = report.strategies.filter((row) => row.llm);
  assert.ok(first?.llm && second?.llm);
  Object.assign(first.llm, { wastedRequests: 3, wastedOutputTokens: Math.round(first.llm.outputTokens / 4), wastedInputTokens: null, wastedInputUnknown: 3 });
  first.llm.cost = { totalUsd: 0.0003, perRunUsd: 0.0001, wastedUsd: 0.00005, unpricedModels: ['o3'], unpricedRequests: 2, inputUnknownRequests: 5, prices: { 'gpt-4o-mini': { inputPerMTok: 0.15, outputPerMTok: 0.6 } } };
  Object.assign(second.llm, { wastedRequests: 0, wastedOutputTokens: 0, wastedInputTokens: 0, wastedInputUnknown: 0 });
  return report;
}

test('no waste fields (an older report): no chart', () => {
  assert.deepEqual(llmWasteChart.figures(llmReport()), []);
});

test('one mark per row with waste; the wasted share drawn in vermillion; cost, ≥ and unpriced models in the table', () => {
  const report = withWaste();
  const [figure] = llmWasteChart.figures(report);
  assert.ok(figure);
  assert.equal(figure.marks, 2);
  assert.equal((figure.svg.match(/<g class="mark">/g) ?? []).length, 2);
  const first = report.strategies.find((row) => row.llm)!.llm!;
  // The first row's bars: used and wasted widths in the ratio of their tokens.
  const marks = figure.svg.slice(figure.svg.indexOf('<g class="mark">'));
  const widths = [...marks.matchAll(/<rect class="(s2|fail)" x="[\d.]+" y="[\d.]+" width="([\d.]+)"/g)].slice(0, 2).map((m) => Number(m[2]));
  const wasted = first.wastedOutputTokens ?? 0;
  assert.ok(Math.abs(widths[1]! / widths[0]! - wasted / (first.outputTokens - wasted)) < 0.02, `widths ${widths.join(', ')}`);
  assert.match(figure.title, /dollars/);
  assert.match(figure.table, /<td class="num">3<\/td><td class="num">\d+<\/td><td class="num">unknown<\/td>/, 'no prompt reported: unknown, not 0');
  assert.match(figure.table, /≥ \$0\.000100/);
  assert.match(figure.table, /<td>o3<\/td>/);
});
