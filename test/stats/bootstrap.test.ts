import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bootstrapRatioOfMedians } from '../../src/stats/bootstrap.ts';
import { seededRandom } from '../../src/stats/random.ts';

const noisy = (seed: number, centre: number, n = 10): number[] => {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => centre * (1 + 0.04 * (random() - 0.5)));
};

test('same seed, same interval; another seed, a slightly different one', () => {
  const a = noisy(1, 100);
  const b = noisy(2, 110);
  assert.deepEqual(bootstrapRatioOfMedians(a, b, { seed: 7 }), bootstrapRatioOfMedians(a, b, { seed: 7 }));
  assert.notDeepEqual(bootstrapRatioOfMedians(a, b, { seed: 7 }), bootstrapRatioOfMedians(a, b, { seed: 8 }));
});

test('the interval brackets the true ratio of a 10% shift and excludes 1', () => {
  const ci = bootstrapRatioOfMedians(noisy(1, 100), noisy(2, 110));
  assert.ok(ci.low > 1.05 && ci.low < 1.1, `low ${ci.low}`);
  assert.ok(ci.high > 1.1 && ci.high < 1.15, `high ${ci.high}`);
});

test('constant samples give a degenerate interval at their ratio', () => {
  assert.deepEqual(bootstrapRatioOfMedians([10, 10, 10], [12, 12, 12]), { low: 1.2, high: 1.2 });
});

test('a wider confidence level gives a wider interval', () => {
  const a = noisy(3, 50);
  const b = noisy(4, 50);
  const narrow = bootstrapRatioOfMedians(a, b, { confidence: 0.8 });
  const wide = bootstrapRatioOfMedians(a, b, { confidence: 0.99 });
  assert.ok(wide.low < narrow.low && wide.high > narrow.high);
});

test('empty input is refused', () => {
  assert.throws(() => bootstrapRatioOfMedians([], [1]), RangeError);
});
