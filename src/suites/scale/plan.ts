// Which points of the sweep run: each requests × concurrency, with the ideal predicted from the
// nominal delay so over-budget points are skipped before they start.

export interface PlannedPoint {
  requests: number;
  concurrency: number;
  /** ceil(requests / concurrency) rounds of one delay each: the pool's makespan with no overhead. */
  predictedIdealMs: number;
  skip: boolean;
}

export function planPoints(requests: readonly number[], concurrency: readonly number[], delayMs: number, budgetMs: number): PlannedPoint[] {
  return requests.flatMap((n) =>
    concurrency.map((c) => {
      const predictedIdealMs = Math.ceil(n / c) * delayMs;
      return { requests: n, concurrency: c, predictedIdealMs, skip: predictedIdealMs > budgetMs };
    }),
  );
}
