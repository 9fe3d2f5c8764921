// Two-sided Mann–Whitney U test (Wilcoxon rank-sum): does one sample tend to be larger than the
// other? Exact distribution when there are no ties and the samples are small (as R does), else the
// normal approximation with tie and continuity corrections.
import { normalUpperTail } from './normal.ts';

export interface MannWhitneyResult {
  /** U of the first sample: pairs (a, b) with a > b, ties counting one half. */
  u: number;
  /** Two-sided p-value. */
  p: number;
  method: 'exact' | 'normal';
}

/** Exact counts stay below 2^53 (C(50, 25) ≈ 1.3e14), so they are exact integers in a double. */
const EXACT_MAX_TOTAL = 50;

export function mannWhitneyU(a: readonly number[], b: readonly number[]): MannWhitneyResult {
  const n1 = a.length;
  const n2 = b.length;
  if (n1 === 0 || n2 === 0) throw new RangeError('Mann–Whitney U needs at least one sample on each side');
  const { ranks, tieGroups } = rank([...a, ...b]);
  let rankSumA = 0;
  for (let i = 0; i < n1; i++) rankSumA += ranks[i]!;
  const u = rankSumA - (n1 * (n1 + 1)) / 2;
  if (tieGroups.length === 0 && n1 + n2 <= EXACT_MAX_TOTAL) return { u, p: exactTwoSided(u, n1, n2), method: 'exact' };
  return { u, p: normalTwoSided(u, n1, n2, tieGroups), method: 'normal' };
}

/** The smallest two-sided p-value an exact test can reach with these sample sizes. */
export const smallestExactP = (n1: number, n2: number): number => Math.min(1, 2 / binomial(n1 + n2, n1));

/** Average ranks (1-based) and the sizes of groups of tied values. */
function rank(values: readonly number[]): { ranks: number[]; tieGroups: number[] } {
  const order = values.map((value, index) => ({ value, index })).sort((x, y) => x.value - y.value);
  const ranks = new Array<number>(values.length).fill(0);
  const tieGroups: number[] = [];
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && order[end]!.value === order[start]!.value) end++;
    const averageRank = (start + 1 + end) / 2;
    for (let i = start; i < end; i++) ranks[order[i]!.index] = averageRank;
    if (end - start > 1) tieGroups.push(end - start);
    start = end;
  }
  return { ranks, tieGroups };
}

function exactTwoSided(u: number, n1: number, n2: number): number {
  const counts = uDistribution(n1, n2);
  const total = binomial(n1 + n2, n1);
  let lower = 0;
  let upper = 0;
  for (let k = 0; k < counts.length; k++) {
    if (k <= u) lower += counts[k]!;
    if (k >= u) upper += counts[k]!;
  }
  return Math.min(1, (2 * Math.min(lower, upper)) / total);
}

/**
 * Number of arrangements giving each U = 0 … n1·n2: the coefficients of the Gaussian binomial
 * [n1 + n2 choose n1]_q, built as Π_{i=1..n1} (1 − q^{n2+i}) / (1 − q^i) with integer steps.
 */
function uDistribution(n1: number, n2: number): Float64Array {
  // Room for the multiplication's overshoot; the division brings it back to exact zeros.
  const counts = new Float64Array(n1 * n2 + n1 + n2 + 1);
  counts[0] = 1;
  let degree = 0;
  for (let i = 1; i <= n1; i++) {
    const shift = n2 + i;
    for (let k = degree + shift; k >= shift; k--) counts[k]! -= counts[k - shift]!;
    for (let k = i; k <= degree + shift; k++) counts[k]! += counts[k - i]!;
    degree += n2;
  }
  return counts.subarray(0, n1 * n2 + 1);
}

function normalTwoSided(u: number, n1: number, n2: number, tieGroups: readonly number[]): number {
  const n = n1 + n2;
  const tieTerm = tieGroups.reduce((sum, t) => sum + (t ** 3 - t), 0) / (n * (n - 1) || 1);
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm);
  if (variance <= 0) return 1;
  const z = Math.max(0, Math.abs(u - (n1 * n2) / 2) - 0.5) / Math.sqrt(variance);
  return Math.min(1, 2 * normalUpperTail(z));
}

function binomial(n: number, k: number): number {
  let result = 1;
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
  return Math.round(result);
}
