// LLM rows become compare metrics: TTFT and E2E percentiles, cost per run and goodput share under the
// row's id, each one figure (no per-run samples), which absolute thresholds gate.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rowMetrics } from '../../src/compare/metrics/rows.ts';
import { evaluateThresholds } from '../../src/compare/thresholds/evaluate.ts';
import { parseThreshold } from '../../src/compare/thresholds/parse.ts';
import { bmfReporter } from '../../src/compare/reporters/bmf.ts';
import { formatValue } from '../../src/compare/reporters/format.ts';
import { llmReport } from '../report/html/full-report.ts';

test('an LLM row gives ttft/e2e percentiles and goodput; a priced row its cost per run; other rows only wallMs', () => {
  const report = llmReport();
  const [first] = report.strategies;
  assert.ok(first?.llm?.goodput);
  const priced = { ...first, llm: { ...first.llm, cost: { totalUsd: 0.003, perRunUsd: 0.001, wastedUsd: 0, unpricedModels: [], unpricedRequests: 0, inputUnknownRequests: 0, prices: {} } } };
  const plain = { ...first, name: 'plain', llm: undefined };
  const metrics = rowMetrics([priced, plain]);
  const byId = new Map(metrics.map((m) => [m.id, m]));
  const at = `bench/${first.fixture}/${first.name}`;
  assert.deepEqual(metrics.map((m) => m.id), [
    `${at}/wallMs`,
    `${at}/llm/ttftP50Ms`,
    `${at}/llm/ttftP99Ms`,
    `${at}/llm/e2eP50Ms`,
    `${at}/llm/e2eP99Ms`,
    `${at}/llm/costPerRunUsd`,
    `${at}/llm/goodShare`,
    `bench/${first.fixture}/plain/wallMs`,
  ]);
  assert.equal(byId.get(`${at}/llm/ttftP50Ms`)?.value, first.llm.ttftMs.p50);
  assert.deepEqual(byId.get(`${at}/llm/goodShare`), { id: `${at}/llm/goodShare`, unit: 'ratio', direction: 'higher', samples: [], value: first.llm.goodput.goodShare });
  assert.equal(byId.get(`${at}/llm/costPerRunUsd`)?.unit, 'usd');

  const rules = [
    { pattern: 'bench/**/costPerRunUsd', rules: [rule('p50 < 0.0005')] },
    { pattern: 'bench/**/ttftP50Ms', rules: [rule(`max <= ${first.llm.ttftMs.p50}`)] },
  ];
  const results = evaluateThresholds(metrics, rules);
  assert.deepEqual(results.map((r) => [r.metricId, r.actual, r.passed]), [
    [`${at}/llm/costPerRunUsd`, 0.001, false],
    [`${at}/llm/ttftP50Ms`, first.llm.ttftMs.p50, true],
  ]);
  assert.equal(formatValue(0.25, 'ratio'), '25.0%');
  assert.match(formatValue(0.000921, 'usd'), /^\$0\.000921$/);
});

test('BMF keeps a run cost of fractions of a cent', () => {
  const current = { n: 0, value: 0.000921, min: 0.000921, max: 0.000921, median: 0.000921, sd: 0, samples: [] };
  const comparison = { metrics: [], onlyInCurrent: [{ id: 'bench/llm/x/llm/costPerRunUsd', unit: 'usd' as const, direction: 'lower' as const, current }] };
  const out = JSON.parse(bmfReporter.render(comparison as never)) as Record<string, Record<string, { value: number }>>;
  assert.deepEqual(out['bench/llm/x/llm/costPerRunUsd'], { 'cost-usd': { value: 0.000921 } });
});

function rule(expression: string) {
  const parsed = parseThreshold(expression);
  assert.ok(parsed.ok, expression);
  return parsed.rule;
}
