// Medians and a small summary for comparison statistics; samples may arrive in any order.
import { quantileSorted, sortedCopy } from './percentile.ts';

export const median = (values: readonly number[]): number => quantileSorted(sortedCopy(values), 0.5);

export interface SampleSummary {
  n: number;
  median: number;
  mean: number;
  min: number;
  max: number;
  /** Sample standard deviation (n − 1); 0 for fewer than two samples. */
  sd: number;
}

export function summarize(values: readonly number[]): SampleSummary {
  const sorted = sortedCopy(values);
  const n = sorted.length;
  const mean = n === 0 ? Number.NaN : sorted.reduce((sum, v) => sum + v, 0) / n;
  const variance = n < 2 ? 0 : sorted.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (n - 1);
  return {
    n,
    median: quantileSorted(sorted, 0.5),
    mean,
    min: sorted[0] ?? Number.NaN,
    max: sorted[n - 1] ?? Number.NaN,
    sd: Math.sqrt(variance),
  };
}
