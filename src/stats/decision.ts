// criterion's decision rule, made direction-aware: a change counts only when it is both
// statistically significant and larger than the noise threshold across its whole confidence interval.
import type { Interval } from './bootstrap.ts';

export type Direction = 'lower' | 'higher';
export type Verdict = 'regressed' | 'improved' | 'unchanged';

export interface DecisionInput {
  /** Confidence interval of current / baseline. */
  ratio: Interval;
  pValue: number;
  /** Which way is better for this metric. */
  direction: Direction;
  alpha: number;
  /** Noise threshold as a fraction, e.g. 0.05 for 5 %. */
  threshold: number;
}

export function decide({ ratio, pValue, direction, alpha, threshold }: DecisionInput): Verdict {
  if (!(pValue < alpha)) return 'unchanged';
  const wentUp = ratio.low > 1 + threshold;
  const wentDown = ratio.high < 1 - threshold;
  if (!wentUp && !wentDown) return 'unchanged';
  const worse = direction === 'lower' ? wentUp : wentDown;
  return worse ? 'regressed' : 'improved';
}
