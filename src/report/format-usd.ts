// US dollars for tables and charts: LLM calls cost fractions of a cent, so three significant digits
// below a dollar ($0.000123), cents above. Formatting only; the model keeps plain numbers.
import type { LlmCost } from '../model/prices.ts';

export function formatUsd(usd: number): string {
  if (!Number.isFinite(usd)) return '–';
  if (usd === 0) return '$0';
  if (Math.abs(usd) >= 1) return `$${usd.toFixed(2)}`;
  return `$${usd.toPrecision(3)}`;
}

/** A cost figure, marked `≥` when some priced answers' prompt tokens were not reported (a lower bound). */
export const formatCost = (usd: number, cost: LlmCost): string => `${cost.inputUnknownRequests > 0 ? '≥ ' : ''}${formatUsd(usd)}`;

/** The cost of waste: a lower bound (`≥`) when some wasted answers' prompts were not reported. */
export const formatWasteCost = (llm: { wastedInputUnknown?: number | undefined }, cost: LlmCost): string =>
  `${(llm.wastedInputUnknown ?? 0) > 0 || cost.inputUnknownRequests > 0 ? '≥ ' : ''}${formatUsd(cost.wastedUsd)}`;

/** The prices applied, e.g. "gpt-4o-mini $0.15 in / $0.6 out". */
export const formatPrices = (cost: Pick<LlmCost, 'prices'>): string =>
  Object.entries(cost.prices)
    .map(([model, price]) => `${model} $${price.inputPerMTok} in / $${price.outputPerMTok} out`)
    .join(', ');
