// The LLM table's cost cells and the notes under it: USD per run and in total at the prices given,
// `≥` where prompt tokens were not reported, and every model that had no price named.
import type { LlmRow, StrategyResult } from '../../model/records.ts';
import { formatCost, formatPrices, formatUsd } from '../../report/format-usd.ts';
import { strategyLabel } from '../../report/format.ts';

/** Inserted after the tokens/s column, before the 429s. */
export const COST_AFTER = 'tok/s';
export const COST_COLUMNS = ['cost/run (total)'] as const;

export function costCells(llm: LlmRow): string[] {
  const cost = llm.cost;
  if (!cost) return ['–'];
  return [`${formatCost(cost.perRunUsd, cost)} (${formatUsd(cost.totalUsd)})${cost.unpricedRequests > 0 ? ' ‡' : ''}`];
}

export function costNotes(rows: readonly StrategyResult[]): string[] {
  const priced = rows.filter((row) => row.llm?.cost !== undefined);
  if (priced.length === 0) return [];
  const prices = [...new Set(priced.map((row) => formatPrices(row.llm!.cost!)).filter((text) => text !== ''))];
  const notes = [
    `cost/run: the median USD of a measured run (total over the measured runs), at ${prices.length > 0 ? prices.join('; ') : 'the prices given'} per million tokens; ` +
      'output tokens as the answer reported them, else counted; ≥ where some answers did not report their prompt tokens (their input is not counted).',
  ];
  for (const row of priced) {
    const cost = row.llm!.cost!;
    if (cost.unpricedRequests === 0) continue;
    const models = cost.unpricedModels.length > 0 ? `no price for ${cost.unpricedModels.join(', ')}` : 'no model named in the answer';
    notes.push(`‡ ${row.fixture}/${strategyLabel(row)}: ${cost.unpricedRequests} answers left out of the cost (${models}).`);
  }
  return notes;
}
