// Tail amplification: the slowest of N independent calls (Promise.all over N) has its p-quantile at the
// single call's p^(1/N) quantile, since P(max ≤ x) = F(x)^N. Predicted from a sample of single calls.
import { quantileSorted, sortedCopy } from '../stats/percentile.ts';

/** The single-call quantile level whose value the max of `n` calls reaches with probability p. */
export function maxOfNLevel(p: number, n: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be in [0, 1], got ${p}`);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`);
  return p ** (1 / n);
}

/** Predicted p-quantile of the max of `n` calls, from single-call samples (interpolated like our other percentiles). */
export function predictedMaxQuantile(samples: readonly number[], p: number, n: number): number {
  return quantileSorted(sortedCopy(samples), maxOfNLevel(p, n));
}

export interface TailAmplification {
  n: number;
  p: number;
  singleMs: number;
  predictedMaxMs: number;
  /** predicted ÷ single. */
  amplification: number;
}

export function tailAmplification(samples: readonly number[], p: number, n: number): TailAmplification {
  const sorted = sortedCopy(samples);
  const singleMs = quantileSorted(sorted, p);
  const predictedMaxMs = quantileSorted(sorted, maxOfNLevel(p, n));
  return { n, p, singleMs, predictedMaxMs, amplification: singleMs > 0 ? predictedMaxMs / singleMs : Number.NaN };
}
