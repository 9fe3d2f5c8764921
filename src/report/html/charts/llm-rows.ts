// The rows that made streamed LLM calls, labelled for the LLM charts: the URL set is named only
// when the report has rows of more than one.
import type { LlmRow, StrategyResult } from '../../../model/records.ts';
import type { Report } from '../../../model/report.ts';
import { strategyLabel } from '../../format.ts';

export interface LabelledLlmRow {
  label: string;
  row: StrategyResult;
  llm: LlmRow;
}

export function llmRows(report: Report): LabelledLlmRow[] {
  const withLlm = report.strategies.flatMap((row) => (row.llm ? [{ row, llm: row.llm }] : []));
  const fixtures = new Set(withLlm.map(({ row }) => row.fixture));
  return withLlm.map(({ row, llm }) => ({ row, llm, label: fixtures.size > 1 ? `${row.fixture}: ${strategyLabel(row)}` : strategyLabel(row) }));
}
