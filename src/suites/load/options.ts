// The load suite's knobs and their defaults, in one place.
export interface LoadOptions {
  connections: number[];
  /** Paths on the delay server, e.g. /get and /delay/0.05. */
  endpoints: string[];
  /** Measured seconds per point and server, split over `pairs` runs. */
  durationS: number;
  /** Unmeasured seconds before each measured run, on the same server and connection count. */
  warmupS: number;
  /** Unmeasured seconds per endpoint and server before the sweep, at PRE_WARM_CONNECTIONS, so the first point does not pay for the servers' JIT warm-up. */
  preWarmS: number;
  /** Interleaved (delay server, bare server) pairs per point, alternating order (ABBA…); each pair gives one ratio. */
  pairs: number;
}

export const LOAD_DEFAULTS: LoadOptions = {
  connections: [1, 10, 100, 1000],
  endpoints: ['/get', '/delay/0.05'],
  durationS: 2,
  warmupS: 0.5,
  preWarmS: 1,
  pairs: 2,
};

/** The short pass of the default run (no --suite): two points, about ten seconds, so that
 *  `npm run bench` stays within a minute. `--suite load` runs the full sweep. */
export const LOAD_QUICK: LoadOptions = {
  connections: [100],
  endpoints: ['/get', '/delay/0.05'],
  durationS: 1,
  warmupS: 0.25,
  preWarmS: 0.5,
  pairs: 2,
};

/** Share of one core (or of the event loop) from which the generator counts as saturated. */
export const GENERATOR_SATURATION = 0.9;

export const PRE_WARM_CONNECTIONS = 10;

/** Most pairs per point a run may ask for: each pair is two runs of autocannon, each with its warm-up. */
export const MAX_LOAD_PAIRS = 50;
