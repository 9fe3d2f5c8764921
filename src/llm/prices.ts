// Token prices applied to one answer: the model's price from a user's table (exact name, else the name
// without a dated snapshot suffix) and the answer's cost in USD. Pure; a missing price is null, never 0.
import type { ModelPrice, PriceTable } from '../model/prices.ts';

/** gpt-4o-mini-2024-07-18 → gpt-4o-mini; claude-3-5-sonnet-20241022 → claude-3-5-sonnet. */
const SNAPSHOT = /^(.+)-(\d{4}-\d{2}-\d{2}|\d{8})$/;

/** The price of `model`: its own entry, else its undated name's (APIs answer with the snapshot they served). */
export function priceFor(table: PriceTable, model: string | null): { name: string; price: ModelPrice } | null {
  if (model === null) return null;
  const own = table[model];
  if (own !== undefined) return { name: model, price: own };
  const base = SNAPSHOT.exec(model)?.[1];
  const undated = base === undefined ? undefined : table[base];
  return base !== undefined && undated !== undefined ? { name: base, price: undated } : null;
}

/** USD for the tokens given; unknown input tokens (null) add nothing (the caller says they are missing). */
export function tokensCostUsd(price: ModelPrice, inputTokens: number | null, outputTokens: number): number {
  return ((inputTokens ?? 0) * price.inputPerMTok + outputTokens * price.outputPerMTok) / 1_000_000;
}
