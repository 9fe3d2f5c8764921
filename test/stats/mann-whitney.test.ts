import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mannWhitneyU, smallestExactP } from '../../src/stats/mann-whitney.ts';

const range = (n: number, from = 1): number[] => Array.from({ length: n }, (_, i) => from + i);
const close = (actual: number, expected: number, tolerance = 1e-6): void =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} ≉ ${expected}`);

// Expected p-values from scipy.stats.mannwhitneyu (two-sided), which agrees with R's wilcox.test.
test('exact p-values without ties match scipy (method="exact")', () => {
  const three = mannWhitneyU([1, 2, 3], [4, 5, 6]);
  assert.deepEqual(three, { u: 0, p: 0.1, method: 'exact' });
  const mixed = mannWhitneyU([1.1, 2.2, 3.3, 4.4], [2.5, 3.1, 5.2, 6.3, 7.1]);
  assert.equal(mixed.u, 4);
  close(mixed.p, 0.19047619047619047, 1e-12);
  const apart = mannWhitneyU(range(10), range(10, 11));
  close(apart.p, 2 / 184_756, 1e-15);
  assert.equal(apart.method, 'exact');
});

test('exact distribution at its size limit (25 vs 25) and with unequal sizes matches scipy', () => {
  const limit = mannWhitneyU(range(25).map((i) => i * 2 - 1.5), range(25).map((i) => i * 2 + 1.25));
  assert.equal(limit.method, 'exact');
  close(limit.p, 0.4882089448221261, 1e-12);
  close(mannWhitneyU([1.5, 2.5, 3.7, 9.1, 4.4, 5.5, 6.1], [7.2, 8.3, 9.9, 10.2, 3.3, 11.1, 12.4, 13.3]).p, 0.013986013986013986, 1e-12);
});

test('the exact test is symmetric and reaches p = 1 for interleaved samples', () => {
  const a = [1, 4, 5, 8];
  const b = [2, 3, 6, 7];
  assert.equal(mannWhitneyU(a, b).p, mannWhitneyU(b, a).p);
  assert.equal(mannWhitneyU(a, b).p, 1);
});

test('ties fall back to the normal approximation with tie and continuity corrections (scipy asymptotic)', () => {
  const tied = mannWhitneyU([1, 2, 2, 3, 4], [2, 3, 5, 6, 6, 7]);
  assert.equal(tied.method, 'normal');
  assert.equal(tied.u, 4.5);
  close(tied.p, 0.06414661873440437, 1e-6);
});

test('large samples use the normal approximation (scipy asymptotic)', () => {
  const large = mannWhitneyU(range(30), range(30, 6));
  assert.equal(large.method, 'normal');
  close(large.p, 0.04274735330571392, 1e-6);
});

test('all values tied: nothing to tell apart, p = 1', () => {
  assert.equal(mannWhitneyU([5, 5, 5], [5, 5, 5]).p, 1);
});

test('smallest reachable p: 3 vs 3 can never be significant at 0.05, 10 vs 10 can', () => {
  assert.equal(smallestExactP(3, 3), 0.1);
  assert.ok(smallestExactP(10, 10) < 1e-4);
});
