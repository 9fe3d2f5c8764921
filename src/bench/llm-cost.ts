// What a row's streamed answers cost at a user's prices: each answer's tokens (as it reported them,
// else counted) × its model's price, summed over the measured runs. Unpriced models and unknown prompt
// counts are listed beside the figures, never priced at zero.
import type { RequestRecord } from '../model/records.ts';
import type { LlmCost, ModelPrice, PriceTable } from '../model/prices.ts';
import { priceFor, tokensCostUsd } from '../llm/prices.ts';
import { quantile } from '../stats/percentile.ts';
import { isWasted } from './llm-waste.ts';

/** An answer's cost, or why it has none. */
export type AnswerCost = { kind: 'priced'; usd: number; inputKnown: boolean; priceName: string; price: ModelPrice } | { kind: 'unpriced'; model: string | null };

export function answerCost(record: RequestRecord, prices: PriceTable): AnswerCost | null {
  const stream = record.stream;
  if (stream === undefined) return null;
  const model = stream.model ?? null;
  const found = priceFor(prices, model);
  if (found === null) return { kind: 'unpriced', model };
  const inputTokens = stream.inputTokens ?? null;
  return { kind: 'priced', usd: tokensCostUsd(found.price, inputTokens, stream.outputTokens), inputKnown: inputTokens !== null, priceName: found.name, price: found.price };
}

export function llmCost(runs: ReadonlyArray<{ records: readonly RequestRecord[] }>, prices: PriceTable): LlmCost {
  const unpricedModels = new Set<string>();
  const applied: PriceTable = {};
  let unpricedRequests = 0;
  let inputUnknownRequests = 0;
  let wastedUsd = 0;
  const perRun = runs.map((run) => {
    let usd = 0;
    for (const record of run.records) {
      const cost = answerCost(record, prices);
      if (cost === null) continue;
      if (cost.kind === 'unpriced') {
        unpricedRequests++;
        if (cost.model !== null) unpricedModels.add(cost.model);
        continue;
      }
      usd += cost.usd;
      if (isWasted(record)) wastedUsd += cost.usd;
      applied[cost.priceName] = cost.price;
      if (!cost.inputKnown) inputUnknownRequests++;
    }
    return usd;
  });
  return {
    totalUsd: perRun.reduce((sum, usd) => sum + usd, 0),
    perRunUsd: perRun.length > 0 ? quantile(perRun, 0.5) : 0,
    wastedUsd,
    unpricedModels: [...unpricedModels].sort(),
    unpricedRequests,
    inputUnknownRequests,
    prices: applied,
  };
}
