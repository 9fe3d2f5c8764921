// Prices from a user's table: exact model names, dated snapshots of a priced name, nothing invented.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { priceFor, tokensCostUsd } from '../../src/llm/prices.ts';

const table = { 'gpt-4o-mini': { inputPerMTok: 0.15, outputPerMTok: 0.6 }, 'claude-3-5-sonnet': { inputPerMTok: 3, outputPerMTok: 15 } };

test('a model is priced by its own name, else by its name without a dated snapshot suffix', () => {
  assert.equal(priceFor(table, 'gpt-4o-mini')?.name, 'gpt-4o-mini');
  assert.deepEqual(priceFor(table, 'gpt-4o-mini-2024-07-18'), { name: 'gpt-4o-mini', price: table['gpt-4o-mini'] });
  assert.equal(priceFor(table, 'claude-3-5-sonnet-20241022')?.name, 'claude-3-5-sonnet');
  assert.equal(priceFor(table, 'gpt-4o'), null, 'a prefix is not a price: gpt-4o is not gpt-4o-mini');
  assert.equal(priceFor(table, 'gpt-4o-mini-high'), null);
  assert.equal(priceFor(table, null), null);
});

test('USD for input and output tokens; unknown input tokens add nothing', () => {
  const price = table['gpt-4o-mini'];
  assert.ok(Math.abs(tokensCostUsd(price, 1_000_000, 1_000_000) - 0.75) < 1e-12);
  assert.ok(Math.abs(tokensCostUsd(price, 100, 50) - (100 * 0.15 + 50 * 0.6) / 1e6) < 1e-15);
  assert.equal(tokensCostUsd(price, null, 10), (10 * 0.6) / 1e6);
});
