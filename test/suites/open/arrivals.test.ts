// Arrival processes: seeded and reproducible, the right mean gap, and gamma's burstiness as its shape.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { arrivalGaps } from '../../../src/suites/open/arrivals.ts';

const draw = (next: () => number, n: number): number[] => Array.from({ length: n }, next);
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
/** Coefficient of variation: 1 for exponential gaps, 1/sqrt(shape) for gamma ones. */
const cv = (xs: number[]): number => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1)) / m;
};

test('constant gaps are exact; Poisson and gamma gaps average 1 / rate and repeat for a seed', () => {
  assert.deepEqual(draw(arrivalGaps('constant', 200, 1), 3), [5, 5, 5]);
  for (const kind of ['poisson', 'gamma'] as const) {
    const gaps = draw(arrivalGaps(kind, 200, 7, 0.5), 40_000);
    assert.ok(Math.abs(mean(gaps) - 5) < 0.15, `${kind}: mean gap ${mean(gaps)} ms`);
    assert.deepEqual(draw(arrivalGaps(kind, 200, 7, 0.5), 5), gaps.slice(0, 5), `${kind}: the same seed gives the same gaps`);
    assert.ok(gaps.every((gap) => gap >= 0 && Number.isFinite(gap)));
  }
});

test('gamma burstiness: 1 behaves as Poisson, below 1 is burstier, above 1 smoother (cv = 1/sqrt(shape))', () => {
  for (const [burstiness, expected] of [[1, 1], [0.25, 2], [4, 0.5]] as const) {
    const gaps = draw(arrivalGaps('gamma', 100, 3, burstiness), 40_000);
    assert.ok(Math.abs(cv(gaps) - expected) < 0.06 * expected, `burstiness ${burstiness}: cv ${cv(gaps)} (expected ${expected})`);
  }
  assert.throws(() => arrivalGaps('gamma', 100, 3, 0), /burstiness must be positive/);
});
