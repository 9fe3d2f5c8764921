// Defaults of the micro suite, in one place: short enough for the default `npm run bench`.
export const MICRO_DEFAULTS = {
  /** tinybench time budget per task; warm-up adds a quarter of it. */
  timeMs: 200,
  /** The default run's shorter pass (no --suite). */
  quickTimeMs: 100,
  /** Minimum iterations per task, met even when the budget runs out first. */
  minIterations: 8,
  path: '/get',
  /** 100,000 is the queued case: every task handed over at once. */
  schedulerTasks: [100, 10_000, 100_000],
  /** A scheduler row predicted to need longer than this for one run is skipped, not measured; a row
   *  whose usual runs would not fit in it gets fewer (at least 3). */
  schedulerMaxRunMs: 4_000,
  /** The default run's short pass: the queued 100,000 tier is left to `--suite micro`. */
  quickSchedulerTasks: [100, 10_000],
  quickSchedulerMaxRunMs: 1_000,
  /** Recorder cost: sequential requests per loop and off/on pairs, per stack. */
  recorderCostRequests: 300,
  recorderCostPairs: 6,
  /** k for strategies that take one. */
  schedulerConcurrency: 10,
  /** The recording-path rows: requests per sampled run and pool width. */
  recording: { requests: 200, concurrency: 50 },
  /** A row whose rme is above this many percent is marked noisy: shown, never given a compare verdict. */
  noisyRmePct: 5,
} as const;

export function benchOptions(timeMs: number, signal: AbortSignal) {
  return {
    time: timeMs,
    iterations: MICRO_DEFAULTS.minIterations,
    warmup: true,
    warmupTime: timeMs / 4,
    warmupIterations: 4,
    signal,
  };
}
