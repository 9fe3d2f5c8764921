// A row's wall-time summary from its samples: median, mean, spread and the 95 % relative margin of error
// of the mean (Student's t, as tinybench reports it), for rows measured without tinybench.
import type { SampleStats } from '../model/records.ts';
import { quantileSorted, sortedCopy } from './percentile.ts';

/** Two-sided 95 % critical values of Student's t for 1…30 degrees of freedom; 1.96 beyond. */
const T_975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

export const tCritical95 = (df: number): number => (df < 1 ? Number.NaN : (T_975[df - 1] ?? 1.96));

export function sampleStats(samples: readonly number[]): SampleStats {
  const sorted = sortedCopy(samples);
  const n = sorted.length;
  const mean = sorted.reduce((sum, v) => sum + v, 0) / n;
  const sd = n < 2 ? 0 : Math.sqrt(sorted.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (n - 1));
  const rme = n < 2 || mean === 0 ? 0 : ((tCritical95(n - 1) * sd) / Math.sqrt(n) / mean) * 100;
  return { p50: quantileSorted(sorted, 0.5), mean, min: sorted[0] ?? Number.NaN, max: sorted[n - 1] ?? Number.NaN, rme, sd, samples: [...samples] };
}
