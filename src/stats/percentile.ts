// Exact percentiles for small sample sets, interpolating linearly between order statistics
// (the same rule tinybench uses, so our figures and its agree).

export function sortedCopy(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

/** q in [0, 1] over an ascending array; NaN for an empty one. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const low = sorted[lo]!;
  return low + (sorted[hi]! - low) * (pos - lo);
}

export function quantile(values: readonly number[], q: number): number {
  return quantileSorted(sortedCopy(values), q);
}
