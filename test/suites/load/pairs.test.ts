// The interleaved pairs of the load suite: their order, one ratio per pair, and the median.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pairOrder, pairRatioMedian, pairRatios } from '../../../src/suites/load/pairs.ts';

test('pairs alternate which server goes first, so each server runs as often first as second', () => {
  assert.deepEqual(pairOrder(1), ['delay', 'bare']);
  assert.deepEqual(pairOrder(2), ['delay', 'bare', 'bare', 'delay']);
  assert.deepEqual(pairOrder(3), ['delay', 'bare', 'bare', 'delay', 'delay', 'bare']);
  const order = pairOrder(6);
  assert.equal(order.length, 12);
  for (let pair = 0; pair < 6; pair++) assert.deepEqual(new Set(order.slice(2 * pair, 2 * pair + 2)), new Set(['delay', 'bare']));
});

test('one ratio per pair both servers completed; the median of an even count is the middle mean', () => {
  assert.deepEqual(pairRatios([900, 1100, 1000], [1000, 1000, 1000]), [0.9, 1.1, 1]);
  // A bare run that completed nothing has no ratio; a side with fewer runs bounds the pairs.
  assert.deepEqual(pairRatios([500, 800, 700], [0, 1000]), [0.8]);
  assert.equal(pairRatioMedian([0.9, 1.1, 1]), 1);
  assert.equal(pairRatioMedian([0.8, 1.2, 0.9, 1.3]), 1.05);
  assert.equal(pairRatioMedian([]), null);
});
