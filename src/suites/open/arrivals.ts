// Arrival processes for the open loop: the gap before each next request, in ms.
import { seededRandom, type Random } from '../../stats/random.ts';

export const ARRIVALS = ['constant', 'poisson', 'gamma'] as const;
export type Arrivals = (typeof ARRIVALS)[number];

/** Gaps for `ratePerSec` arrivals: all equal, exponential (a Poisson process), or gamma with shape =
 *  `burstiness` and mean 1 / rate (vLLM's convention: 1 is Poisson, below 1 burstier, above 1 smoother). */
export function arrivalGaps(arrivals: Arrivals, ratePerSec: number, seed: number, burstiness = 1): () => number {
  const meanGapMs = 1000 / ratePerSec;
  if (arrivals === 'constant') return () => meanGapMs;
  const random = seededRandom(seed);
  // 1 - u lies in (0, 1], so the log is finite.
  if (arrivals === 'poisson') return () => -Math.log(1 - random()) * meanGapMs;
  if (!(burstiness > 0)) throw new RangeError(`burstiness must be positive, got ${burstiness}`);
  const scaleMs = meanGapMs / burstiness;
  return () => gammaVariate(burstiness, random) * scaleMs;
}

/** A Gamma(shape, 1) draw (Marsaglia & Tsang; shape < 1 through Gamma(shape + 1) · U^(1/shape)). */
export function gammaVariate(shape: number, random: Random): number {
  if (shape < 1) return gammaVariate(shape + 1, random) * (1 - random()) ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - random();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Box–Muller from the seeded PRNG. */
function standardNormal(random: Random): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}
