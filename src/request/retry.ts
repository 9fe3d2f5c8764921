// The retry policy of retrying strategies: which outcomes are worth another try, how long to wait
// (Retry-After when the server says, else exponential backoff with full jitter), and a per-run budget.
import type { Outcome } from '../model/records.ts';
import { seededRandom } from '../stats/random.ts';

export interface RetryPolicy {
  /** Retries per request after the first try. */
  maxRetries: number;
  /** At most ceil(budget × requests) retries per run: a storm of failures cannot multiply the load unboundedly. */
  budget: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Seeds the jitter, so a run's waits are reproducible. */
  seed: number;
}

export const RETRY_DEFAULTS = { maxRetries: 3, budget: 0.5, backoffBaseMs: 100, backoffMaxMs: 2_000 } as const;

/** A Retry-After longer than this is not waited for: the request ends with its failure (as the OpenAI SDKs do past 60 s). */
export const RETRY_AFTER_MAX_MS = 60_000;

const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);

/** Timeouts, network errors and the transient HTTP statuses; never a 4xx the caller caused, never an interrupted run. */
export function isRetryable(outcome: Outcome): boolean {
  switch (outcome.kind) {
    case 'ok':
      return false;
    case 'http-error':
      return RETRYABLE_STATUS.has(outcome.status);
    case 'timeout':
      return true;
    case 'network-error':
      return outcome.code !== INTERRUPTED;
  }
}

/** The network-error code of a try cut short because the whole run was interrupted. */
export const INTERRUPTED = 'INTERRUPTED';

/**
 * The wait a response asks for: `retry-after-ms` (OpenAI, Azure) first, then `retry-after` as
 * delay-seconds or an HTTP date. Undefined when absent or unreadable.
 */
export function retryAfterMs(header: (name: string) => string | null, nowEpochMs: number): number | undefined {
  const ms = header('retry-after-ms')?.trim();
  if (ms && /^\d+(\.\d+)?$/.test(ms)) return Number(ms);
  const value = header('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // HTTP dates in all three RFC 9110 forms start with the day name; anything else is not a date.
  if (!/^[A-Za-z]{3}/.test(value)) return undefined;
  const dateMs = Date.parse(value);
  return Number.isNaN(dateMs) ? undefined : Math.max(0, dateMs - nowEpochMs);
}

/** A number in [0, 1) fixed by (seed, request index, retry number): independent of the order tries finish in. */
export function jitterFraction(seed: number, index: number, retry: number): number {
  const mixed = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35) ^ Math.imul(retry + 1, 0x27d4eb2f);
  return seededRandom(mixed >>> 0)();
}

/** Full jitter (AWS architecture blog): uniform in [0, min(max, base × 2^retry)). `retry` counts from 0. */
export function backoffMs(policy: RetryPolicy, index: number, retry: number): number {
  const capMs = Math.min(policy.backoffMaxMs, policy.backoffBaseMs * 2 ** retry);
  return jitterFraction(policy.seed, index, retry) * capMs;
}

/** Retries allowed in one run of `requests` requests. */
export const retryBudgetFor = (policy: RetryPolicy, requests: number): number => Math.ceil(policy.budget * requests);
