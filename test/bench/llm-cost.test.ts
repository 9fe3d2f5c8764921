// A row's cost at the user's prices: per run and in total, unpriced models named, unknown prompt counts flagged.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { llmCost } from '../../src/bench/llm-cost.ts';
import type { RequestRecord } from '../../src/model/records.ts';
import { answer } from './answers.ts';

const prices = { 'gpt-4o-mini': { inputPerMTok: 0.15, outputPerMTok: 0.6 } };
const usd = (input: number, output: number): number => (input * 0.15 + output * 0.6) / 1e6;
const close = (a: number, b: number): void => assert.ok(Math.abs(a - b) < 1e-15, `${a} ≠ ${b}`);

test('per run (median) and in total; a dated snapshot takes its name’s price', () => {
  const runs = [
    { records: [answer(0, 'gpt-4o-mini', 100, 50), answer(1, 'gpt-4o-mini-2024-07-18', 100, 50)] },
    { records: [answer(0, 'gpt-4o-mini', 100, 10)] },
    { records: [answer(0, 'gpt-4o-mini', 100, 200)] },
  ];
  const cost = llmCost(runs, prices);
  close(cost.totalUsd, usd(400, 310));
  close(cost.perRunUsd, usd(200, 100)); // runs cost usd(200,100), usd(100,10), usd(100,200): the median is the first
  assert.deepEqual([cost.unpricedModels, cost.unpricedRequests, cost.inputUnknownRequests], [[], 0, 0]);
  assert.deepEqual(cost.prices, prices);
});

test('a model without a price is named and left out, never priced at zero; unknown prompt tokens make a lower bound', () => {
  const runs = [{ records: [answer(0, 'gpt-4o-mini', null, 40), answer(1, 'o3', 10, 10), answer(2, null, 10, 10), answer(3, 'o3', 10, 10)] }];
  const cost = llmCost(runs, prices);
  close(cost.totalUsd, usd(0, 40));
  assert.deepEqual(cost.unpricedModels, ['o3']);
  assert.equal(cost.unpricedRequests, 3);
  assert.equal(cost.inputUnknownRequests, 1);
  // A 429 (no stream) is not an answer and costs nothing.
  const limited: RequestRecord = { ...answer(4, null, null, 0), outcome: { kind: 'http-error', status: 429 }, status: 429 };
  delete limited.stream;
  assert.equal(llmCost([{ records: [limited] }], prices).unpricedRequests, 0);
});
