// The LLM table's cost and waste cells and the notes under it: USD per run and in total at the prices
// given (`≥` where prompt tokens were not reported, every model without a price named), and the answers
// paid for and not used with their tokens and, when priced, their USD.
import type { LlmRow, StrategyResult } from '../../model/records.ts';
import { formatCost, formatPrices, formatUsd, formatWasteCost } from '../../report/format-usd.ts';
import { strategyLabel } from '../../report/format.ts';

/** Inserted after the tokens/s column, before the 429s. */
export const COST_AFTER = 'tok/s';
/** Cost columns appear only when the row set has prices; the waste column always. */
export const costColumns = (priced: boolean): string[] => [...(priced ? ['cost/run (total)'] : []), priced ? 'wasted: answers, out/in tok, $' : 'wasted: answers, out/in tok'];

/** Wasted tokens in, with `+N?` for wasted answers whose prompt was not reported. */
const wastedIn = (llm: LlmRow): string => {
  const unknown = llm.wastedInputUnknown ?? 0;
  if (llm.wastedInputTokens === null || llm.wastedInputTokens === undefined) return unknown > 0 ? '?' : '0';
  return `${llm.wastedInputTokens}${unknown > 0 ? ` +${unknown}?` : ''}`;
};

export function costCells(llm: LlmRow, priced: boolean): string[] {
  const cost = llm.cost;
  const waste = `${llm.wastedRequests ?? 0}: ${llm.wastedOutputTokens ?? 0} / ${wastedIn(llm)}`;
  if (!priced) return [waste];
  if (!cost) return ['–', waste];
  return [`${formatCost(cost.perRunUsd, cost)} (${formatUsd(cost.totalUsd)})${cost.unpricedRequests > 0 ? ' ‡' : ''}`, `${waste}, ${formatWasteCost(llm, cost)}`];
}

export function costNotes(rows: readonly StrategyResult[]): string[] {
  const notes = [
    'wasted: streamed answers paid for and not used (cancelled, cut or ended by an error event, leaked), over all measured runs: ' +
      'their output tokens (reported, else counted up to the cut) / their prompt tokens where reported (?: not reported; OpenAI reports them only at the end).',
  ];
  const priced = rows.filter((row) => row.llm?.cost !== undefined);
  if (priced.length === 0) return notes;
  // Every price applied in any row, each model once (a row whose answers were all refused applied fewer).
  const applied = formatPrices({ prices: Object.assign({}, ...priced.map((row) => row.llm!.cost!.prices)) });
  notes.push(
    `cost/run: the median USD of a measured run (total over the measured runs), at ${applied !== '' ? applied : 'the prices given'} per million tokens; ` +
      'output tokens as the answer reported them, else counted; ≥ where some answers did not report their prompt tokens (their input is not counted).',
  );
  for (const row of priced) {
    const cost = row.llm!.cost!;
    if (cost.unpricedRequests === 0) continue;
    const models = cost.unpricedModels.length > 0 ? `no price for ${cost.unpricedModels.join(', ')}` : 'no model named in the answer';
    notes.push(`‡ ${row.fixture}/${strategyLabel(row)}: ${cost.unpricedRequests} answers left out of the cost (${models}).`);
  }
  return notes;
}
