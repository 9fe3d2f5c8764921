// Wall time of every row: one metric per fixture × strategy × k × client, and per bench × variant; and
// for rows that streamed LLM answers, their TTFT and E2E percentiles, cost per run and goodput share
// (one figure each, no per-run samples: thresholds gate them, compare shows them without a test).
import type { Metric } from './metric.ts';
import type { StrategyResult } from '../../model/records.ts';
import { median } from '../../stats/median.ts';

/** The row's id prefix: a bench variant is the user's code under its own name. */
const rowPrefix = (row: StrategyResult): string =>
  row.kind === 'variant' ? `bench/${row.fixture}/${row.name}` : `strategies/${row.fixture}/${row.name}/k=${row.concurrency ?? '-'}/${row.client}`;

export const rowMetrics = (rows: readonly StrategyResult[]): Metric[] =>
  rows.flatMap((row) => [
    {
      id: `${rowPrefix(row)}/wallMs`,
      unit: 'ms' as const,
      direction: 'lower' as const,
      samples: [...row.wallMs.samples],
      value: row.wallMs.samples.length > 0 ? median(row.wallMs.samples) : row.wallMs.p50,
    },
    ...llmMetrics(row),
  ]);

function llmMetrics(row: StrategyResult): Metric[] {
  const llm = row.llm;
  if (!llm) return [];
  const at = `${rowPrefix(row)}/llm`;
  const figure = (name: string, unit: Metric['unit'], direction: Metric['direction'], value: number): Metric[] =>
    Number.isFinite(value) ? [{ id: `${at}/${name}`, unit, direction, samples: [], value }] : [];
  return [
    ...figure('ttftP50Ms', 'ms', 'lower', llm.ttftMs.p50),
    ...figure('ttftP99Ms', 'ms', 'lower', llm.ttftMs.p99),
    ...figure('e2eP50Ms', 'ms', 'lower', llm.e2eMs.p50),
    ...figure('e2eP99Ms', 'ms', 'lower', llm.e2eMs.p99),
    ...(llm.cost ? figure('costPerRunUsd', 'usd', 'lower', llm.cost.perRunUsd) : []),
    ...(llm.goodput ? figure('goodShare', 'ratio', 'higher', llm.goodput.goodShare) : []),
  ];
}
