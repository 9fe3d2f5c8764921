// A pool with adaptive concurrency: the limit grows additively while calls succeed and is cut
// multiplicatively on a 429 (and, if a target is given, on a call slower than it), as TCP does.
import { systemClock, type FanoutClock } from './clock.ts';
import { httpErrorOf, rateLimitInfo, type RateLimitInfo } from './rate-limit-headers.ts';
import { serverWaitMs } from './rate-limit-pool.ts';

export interface AimdPoolOptions {
  /** Starting limit on calls in flight. */
  initial: number;
  min: number;
  max: number;
  /** Added to the limit per successful call under the latency target. */
  increase: number;
  /** The limit is multiplied by this (0 < decrease < 1) on a 429 or a call over the target. */
  decrease: number;
  /** A successful call slower than this also cuts the limit. */
  latencyTargetMs?: number;
  /** Retries of one task after a 429 (default 3), each after the server's wait (else `fallbackWaitMs`, default 1000). */
  maxRetries?: number;
  fallbackWaitMs?: number;
  /** Is this error a rate limit? Default: `status` 429, with its headers read. */
  rateLimitOf?: (error: unknown) => RateLimitInfo | null;
  clock?: FanoutClock;
}

export interface AimdPoolResult<T> {
  /** One per task, in task order. */
  results: PromiseSettledResult<T>[];
  rateLimited: number;
  retries: number;
  /** The limit after every change, with the clock time of the change; the first entry is `initial`. */
  limits: Array<{ atMs: number; limit: number }>;
}

const defaultRateLimitOf = (error: unknown): RateLimitInfo | null => {
  const http = httpErrorOf(error);
  if (!http || http.status !== 429) return null;
  return http.headers ? rateLimitInfo(http.headers) : {};
};

/**
 * Runs `tasks` in order with at most floor(limit) in flight. Each success under the target adds
 * `increase`; a 429 or a slow call multiplies the limit by `decrease` (never below `min` or above
 * `max`). Calls that were already in flight when the limit was cut do not cut it again (they were sent
 * under the old limit: one cut per congestion signal, as TCP's fast recovery does). A 429'd task waits
 * the server's retry-after (only that task waits) and is queued again, at most `maxRetries` times.
 *
 * It reacts only after the fact: it finds the limit by drawing 429s, so a run costs some of them;
 * with few tasks the limit may never reach a steady value. Turn off the SDK's own retries.
 */
export async function aimdPool<T>(tasks: readonly (() => Promise<T>)[], options: AimdPoolOptions): Promise<AimdPoolResult<T>> {
  const { min, max, increase, decrease, latencyTargetMs, maxRetries = 3, fallbackWaitMs = 1000, rateLimitOf = defaultRateLimitOf, clock = systemClock } = options;
  if (!(min >= 1 && max >= min && options.initial >= min && options.initial <= max)) throw new RangeError(`need 1 ≤ min ≤ initial ≤ max, got min ${min}, initial ${options.initial}, max ${max}`);
  if (!(decrease > 0 && decrease < 1) || !(increase >= 0)) throw new RangeError(`need 0 < decrease < 1 and increase ≥ 0, got ${decrease} and ${increase}`);
  const results: PromiseSettledResult<T>[] = new Array(tasks.length);
  let limit = options.initial;
  const result: AimdPoolResult<T> = { results, rateLimited: 0, retries: 0, limits: [{ atMs: clock.now(), limit }] };
  const queue: Array<{ index: number; attempt: number }> = tasks.map((_, index) => ({ index, attempt: 0 }));
  let inFlight = 0;
  let startSeq = 0;
  let lastCutSeq = 0; // calls started at or before this sequence were sent under a limit already cut
  let waiting = 0; // tasks sleeping out a retry-after

  return new Promise((resolve) => {
    const setLimit = (next: number): void => {
      const bounded = Math.min(max, Math.max(min, next));
      if (bounded === limit) return;
      limit = bounded;
      result.limits.push({ atMs: clock.now(), limit });
    };
    const cut = (seq: number): void => {
      if (seq <= lastCutSeq) return;
      lastCutSeq = startSeq;
      setLimit(limit * decrease);
    };
    const pump = (): void => {
      while (inFlight < Math.floor(limit) && queue.length > 0) {
        const item = queue.shift();
        if (item) start(item);
      }
      if (inFlight === 0 && queue.length === 0 && waiting === 0) resolve(result);
    };
    const start = (item: { index: number; attempt: number }): void => {
      const task = tasks[item.index];
      if (!task) return;
      const seq = ++startSeq;
      const startedMs = clock.now();
      inFlight += 1;
      // new Promise: a task that throws before returning its promise is a rejected task, not a crash.
      new Promise<T>((settle) => settle(task())).then(
        (value) => {
          inFlight -= 1;
          results[item.index] = { status: 'fulfilled', value };
          if (latencyTargetMs !== undefined && clock.now() - startedMs > latencyTargetMs) cut(seq);
          else setLimit(limit + increase);
          pump();
        },
        (error: unknown) => {
          inFlight -= 1;
          const limited = rateLimitOf(error);
          if (limited) {
            result.rateLimited += 1;
            cut(seq);
            if (item.attempt < maxRetries) {
              result.retries += 1;
              waiting += 1;
              void clock.sleep(serverWaitMs(limited) ?? fallbackWaitMs).then(() => {
                waiting -= 1;
                queue.unshift({ index: item.index, attempt: item.attempt + 1 });
                pump();
              });
              pump();
              return;
            }
          }
          results[item.index] = { status: 'rejected', reason: error };
          pump();
        },
      );
    };
    pump();
  });
}
