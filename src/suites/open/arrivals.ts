// Arrival processes for the open loop: the gap before each next request, in ms.
import { seededRandom } from '../../stats/random.ts';

export const ARRIVALS = ['constant', 'poisson'] as const;
export type Arrivals = (typeof ARRIVALS)[number];

/** Gaps for `ratePerSec` arrivals: all equal, or exponential (a Poisson process) from a seeded PRNG. */
export function arrivalGaps(arrivals: Arrivals, ratePerSec: number, seed: number): () => number {
  const meanGapMs = 1000 / ratePerSec;
  if (arrivals === 'constant') return () => meanGapMs;
  const random = seededRandom(seed);
  // 1 - u lies in (0, 1], so the log is finite.
  return () => -Math.log(1 - random()) * meanGapMs;
}
