// Rows that streamed LLM answers: client-side TTFT, inter-token latency, TPOT and E2E, tokens/s,
// rate limits and overloads, goodput against the SLOs, and the slowest of N predicted beside measured.
import type { StrategyResult } from '../../model/records.ts';
import { formatMs, strategyLabel } from '../../report/format.ts';
import { terminalTable } from '../../report/terminal-table.ts';
import { costCells, costColumns, costNotes, COST_AFTER } from './llm-cost-cells.ts';

export const LLM_COLUMNS = ['bench', 'row', 'streamed', 'TTFT p50/p99', 'ITL p50/p99', 'TPOT p50', 'E2E p50/p99', 'tok/s', '429', '503/529', 'stream err', 'goodput', 'slowest of N: E2E p50 pred/meas', 'p99 pred/meas'] as const;

const pair = (a: number, b: number): string => `${formatMs(a)} / ${formatMs(b)}`;

/** Rows that sent request entries (LLM calls) and streamed no answer: every call refused or failed. */
const withoutAnswers = (rows: readonly StrategyResult[]): StrategyResult[] =>
  rows.filter((row) => row.llm === undefined && row.timeline.some((record) => record.method !== undefined && record.method !== 'GET'));

export function llmTable(rows: readonly StrategyResult[]): string {
  const llmRows = rows.filter((row) => row.llm !== undefined);
  if (llmRows.length === 0) return '';
  const silent = withoutAnswers(rows);
  // Cost and waste beside the 429s; cost only when prices were given (never an invented price).
  const priced = llmRows.some((row) => row.llm?.cost !== undefined);
  const at = LLM_COLUMNS.indexOf(COST_AFTER) + 1;
  const withCost = (cells: string[], extra: string[]): string[] => [...cells.slice(0, at), ...extra, ...cells.slice(at)];
  const table = terminalTable(withCost([...LLM_COLUMNS], costColumns(priced)));
  for (const row of llmRows) {
    const llm = row.llm!;
    const slowest = llm.slowestOfN;
    table.push(withCost([
      row.fixture,
      strategyLabel(row),
      String(llm.streamed),
      pair(llm.ttftMs.p50, llm.ttftMs.p99),
      pair(llm.itlMs.p50, llm.itlMs.p99),
      formatMs(llm.tpotMs.p50),
      pair(llm.e2eMs.p50, llm.e2eMs.p99),
      llm.outputTokensPerSec.toFixed(1),
      String(llm.rateLimited),
      String(llm.overloaded),
      String(llm.streamErrors),
      llm.goodput ? `${(llm.goodput.goodShare * 100).toFixed(0)}% (${llm.goodput.goodPerSec.toFixed(2)}/s)` : '–',
      slowest ? `N=${slowest.n}: ${pair(slowest.e2e.p50.predictedMs, slowest.e2e.p50.measuredMs)}` : '–',
      slowest ? pair(slowest.e2e.p99.predictedMs, slowest.e2e.p99.measuredMs) : '–',
    ], costCells(llm, priced)));
  }
  const slo = llmRows.find((row) => row.llm?.goodput)?.llm?.goodput?.slo;
  return [
    table.toString(),
    'Streamed answers measured on the client: tokens counted in the content, not per chunk; ITL per token; TPOT = (E2E − TTFT) / (tokens − 1).',
    `Slowest of N: the p-quantile of the max of a run's N calls predicted from the single-call E2E (its p^(1/N) quantile) beside the measured.${slo ? ` Goodput: requests meeting ${slo}.` : ' Goodput: give --slo.'}`,
    ...costNotes(llmRows),
    ...(silent.length > 0
      ? [`No streamed answer, so not in this table (see ok/failed above): ${silent.map((row) => `${row.fixture}/${strategyLabel(row)} (${row.requests.failed} of ${row.requests.total} failed)`).join(', ')}.`]
      : []),
  ].join('\n');
}
