// The latency model, pure: from (seed, request key, params, prompt size, max_tokens) to an answer's
// length, its words, its prefill time and every inter-token gap — unscaled ms, before load and queueing.
import { keyedUnit, seededRandom, type Random } from '../../stats/random.ts';
import type { LatencyParams } from './presets.ts';
import { seededWords } from './words.ts';

export interface ResponsePlan {
  outputTokens: number;
  words: string[];
  finishReason: 'stop' | 'length';
  /** Prefill time at no load (fixed overhead + per prompt token, jitter and tail included). */
  prefillMs: number;
  /** Gap before each token after the first (outputTokens − 1 entries), stalls included, at no load. */
  gapsMs: number[];
}

/** Pareto multipliers of the heavy tail stop here, so one unlucky draw stays within the server's 30 s
 *  request deadline even for the reasoning preset at time scale 1. */
const MAX_TAIL_FACTOR = 8;
const LENGTH_SIGMA = 0.6;

/** A standard normal draw (Box–Muller). */
function normal(random: Random): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

const lognormal = (random: Random, median: number, sigma: number): number => median * Math.exp(sigma * normal(random));

/** The PRNG for one request: fixed by (seed, key), so a request id always gets the same answer and timings. */
export function requestRandom(seed: number, key: string): Random {
  return seededRandom(Math.floor(keyedUnit(seed, key) * 2 ** 32));
}

export function planResponse(params: LatencyParams, random: Random, promptTokens: number, maxTokens: number): ResponsePlan {
  const wanted = params.fixedOutputTokens > 0
    ? params.fixedOutputTokens
    : Math.max(1, Math.round(lognormal(random, params.medianOutputTokens, LENGTH_SIGMA)));
  const outputTokens = Math.min(wanted, maxTokens);
  const finishReason = wanted > maxTokens ? 'length' : 'stop';

  let prefillMs = lognormal(random, params.ttftOverheadMs + params.prefillMsPerToken * promptTokens, params.ttftSigma);
  if (random() < params.tailProbability) prefillMs *= Math.min(MAX_TAIL_FACTOR, (1 - random()) ** (-1 / params.tailAlpha));

  const gapsMs: number[] = [];
  for (let i = 1; i < outputTokens; i++) {
    let gap = lognormal(random, params.itlMs, params.itlSigma);
    if (random() < params.stallProbability) gap += params.stallMs;
    gapsMs.push(gap);
  }
  return { outputTokens, words: seededWords(random, outputTokens), finishReason, prefillMs, gapsMs };
}

/** Latency factor with `inFlight` requests on a model (this one included): 1 alone, 1 + slowdown at a full batch. */
export function loadFactor(inFlight: number, batchCapacity: number, slowdown: number): number {
  if (batchCapacity <= 1) return 1;
  const share = (Math.min(inFlight, batchCapacity) - 1) / (batchCapacity - 1);
  return 1 + slowdown * Math.max(0, share);
}
