// Percentile-bootstrap confidence interval of median(current) / median(baseline): the two
// sample sets are resampled independently, with a seeded PRNG so the same inputs give the same CI.
import { quantileSorted } from './percentile.ts';
import { seededRandom, type Random } from './random.ts';

export interface BootstrapOptions {
  /** Number of resamples (default 10 000). */
  resamples?: number;
  /** Two-sided confidence level (default 0.95). */
  confidence?: number;
  seed?: number;
}

export interface Interval {
  low: number;
  high: number;
}

export const BOOTSTRAP_DEFAULTS = { resamples: 10_000, confidence: 0.95, seed: 1 } as const;

export function bootstrapRatioOfMedians(
  baseline: readonly number[],
  current: readonly number[],
  options: BootstrapOptions = {},
): Interval {
  if (baseline.length === 0 || current.length === 0) throw new RangeError('bootstrap needs at least one sample on each side');
  const resamples = options.resamples ?? BOOTSTRAP_DEFAULTS.resamples;
  const confidence = options.confidence ?? BOOTSTRAP_DEFAULTS.confidence;
  const random = seededRandom(options.seed ?? BOOTSTRAP_DEFAULTS.seed);
  const ratios = new Float64Array(resamples);
  const scratchB = new Float64Array(baseline.length);
  const scratchC = new Float64Array(current.length);
  for (let i = 0; i < resamples; i++) {
    ratios[i] = resampledMedian(current, scratchC, random) / resampledMedian(baseline, scratchB, random);
  }
  ratios.sort();
  const tail = (1 - confidence) / 2;
  return { low: quantileSorted(ratios, tail), high: quantileSorted(ratios, 1 - tail) };
}

function resampledMedian(values: readonly number[], scratch: Float64Array, random: Random): number {
  const n = values.length;
  for (let i = 0; i < n; i++) scratch[i] = values[Math.floor(random() * n)]!;
  scratch.sort();
  const mid = (n - 1) / 2;
  return (scratch[Math.floor(mid)]! + scratch[Math.ceil(mid)]!) / 2;
}
