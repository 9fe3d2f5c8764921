// The open-loop suite's knobs and their defaults, in one place.
import type { Arrivals } from './arrivals.ts';
import type { OpenLlmOptions } from './llm.ts';

export interface OpenOptions {
  endpoint: string;
  arrivals: Arrivals;
  /** Gamma arrivals' shape: 1 is Poisson, below 1 burstier (used with arrivals 'gamma'). */
  burstiness: number;
  seed: number;
  startRatePerSec: number;
  /** The sweep doubles the rate up to this, unless it knees first. */
  maxRatePerSec: number;
  /** Bounds of each rate step: whichever comes first. */
  stepMaxS: number;
  stepMaxRequests: number;
  maxInFlight: number;
  /** --open-llm MODEL: streamed chat completions to the endpoint (default /v1/chat/completions); null: GETs. */
  llm?: OpenLlmOptions | null;
}

export const OPEN_DEFAULTS: OpenOptions = {
  endpoint: '/delay/0.05',
  arrivals: 'poisson',
  burstiness: 1,
  seed: 1,
  startRatePerSec: 100,
  maxRatePerSec: 12_800,
  stepMaxS: 2,
  stepMaxRequests: 2000,
  maxInFlight: 1000,
  llm: null,
};

/** --open-llm's endpoint unless --open-endpoint names another path, and its answers' length cap. */
export const OPEN_LLM_DEFAULTS = { endpoint: '/v1/chat/completions', maxTokens: 32 };

export const OPEN_WARMUP_S = 0.5;
export const LATE_THRESHOLD_MS = 1;
export const KNEE_RULE = { p99Factor: 2, dropFraction: 0.01, failFraction: 0.01 };
