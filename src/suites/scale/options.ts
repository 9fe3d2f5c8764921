// Defaults of the scaling sweep, in one place.
export const SCALE_DEFAULTS = {
  /** Points whose predicted ideal exceeds this many seconds are skipped (and recorded as skipped). */
  budgetS: 5,
  requests: [10, 100, 1_000, 10_000],
  concurrency: [1, 10, 100, 1_000],
  path: '/delay/0.05',
  /** The delay `path` asks for, before the time scale. */
  delayMs: 50,
  /** How often peak RSS and heap are sampled during a run. */
  memorySampleMs: 10,
  /** Before the first point: this many zero-delay requests, so no point runs on cold code. */
  jitWarmup: { path: '/delay/0', requests: 5_000, concurrency: 100 },
  /**
   * Young generation of the client and server threads. At 20k req/s V8's default makes scavenges a
   * fifth of the CPU; 192 MB (64 MB semi-spaces) cut CPU per request by about that much here.
   */
  youngGenerationMb: 192,
  /** Harness runs per point, each paired with a no-harness floor run (H F, F H, …); at least one. */
  pairs: 4,
  /** No new couple of pairs starts once a point has spent this many seconds. */
  pairBudgetS: 20,
} as const;
