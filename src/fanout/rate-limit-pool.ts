// A pool that reads the server's rate-limit headers and holds back new starts until the bucket has
// refilled, instead of sending calls that are bound to draw 429s; a 429 is retried after the server's wait.
import { systemClock, type FanoutClock } from './clock.ts';
import { httpErrorOf, rateLimitInfo, type HeadersLike, type RateLimitInfo } from './rate-limit-headers.ts';

/** What a task gets: `report` takes the headers of its answer (e.g. openai's `.withResponse()` headers). */
export interface RateLimitTaskContext {
  report(headers: HeadersLike): void;
  /** 0 for the first try, then 1, 2, … for retries after a 429. */
  attempt: number;
}

export type RateLimitTask<T> = (context: RateLimitTaskContext) => Promise<T>;

export interface RateLimitPoolOptions {
  concurrency: number;
  /** Tokens one task takes from the token bucket (prompt + max_tokens); new starts wait while fewer remain. Default 1. */
  tokensPerTask?: number;
  /** Retries of one task after a 429 (default 3); the last 429 is its result. */
  maxRetries?: number;
  /** Wait after a 429 that names no wait and no reset, and the reset assumed when an answer names none (default 1000 ms). */
  fallbackWaitMs?: number;
  /** Is this error a rate limit, and what did it say? Default: an error with `status` 429 and its `headers`. */
  rateLimitOf?: (error: unknown) => RateLimitInfo | null;
  clock?: FanoutClock;
}

export interface RateLimitPoolResult<T> {
  /** One per task, in task order. */
  results: PromiseSettledResult<T>[];
  /** 429s the tasks drew (retried or final). */
  rateLimited: number;
  retries: number;
  /** Waits before a start, and their sum (ms on the pool's clock; waits of several workers overlap). */
  pauses: number;
  pausedMs: number;
}

const defaultRateLimitOf = (error: unknown): RateLimitInfo | null => {
  const http = httpErrorOf(error);
  if (!http || http.status !== 429) return null;
  return http.headers ? rateLimitInfo(http.headers) : {};
};

/** The wait a 429 names: retry-after(-ms), else the later reset, else undefined. */
export function serverWaitMs(info: RateLimitInfo): number | undefined {
  if (info.retryAfterMs !== undefined) return info.retryAfterMs;
  const resets = [info.resetRequestsMs, info.resetTokensMs].filter((ms): ms is number => ms !== undefined);
  return resets.length > 0 ? Math.max(...resets) : undefined;
}

/** One bucket as an answer described it, and when. */
interface BucketView {
  remaining: number;
  limit: number | undefined;
  resetMs: number | undefined;
  atMs: number;
}

/** How long from `nowMs` until the bucket holds `need`, assuming it refills at (limit − remaining) / reset
 *  (the rate the headers imply) or, without a limit, only at the reset. 0 when it already does, and
 *  never past the reset (then it is full, even when `need` is more than it holds). */
function waitForMs(view: BucketView | undefined, need: number, nowMs: number, fallbackResetMs: number): number {
  if (!view) return 0;
  const sinceMs = nowMs - view.atMs;
  const resetMs = view.resetMs ?? fallbackResetMs;
  if (view.limit === undefined || view.limit <= view.remaining || resetMs <= 0) {
    return view.remaining >= need ? 0 : Math.max(0, resetMs - sinceMs);
  }
  const perMs = (view.limit - view.remaining) / resetMs;
  const level = Math.min(view.limit, view.remaining + perMs * sinceMs);
  return level >= need ? 0 : Math.min(resetMs - sinceMs, (need - level) / perMs);
}

/**
 * Runs `tasks` at most `concurrency` at a time, in order. A task reports its answer's headers; before
 * each start the pool takes the freshest report, adds what the bucket has refilled since (at the rate
 * the limit, remaining and `x-ratelimit-reset-*` headers imply; without a limit header, all at the
 * reset), subtracts what the tasks started since then took, and waits until one more task fits. A 429 pauses
 * all starts for its `retry-after-ms` / `retry-after` (else the reset, else `fallbackWaitMs`) and the
 * task goes back to the front of the queue, at most `maxRetries` times.
 *
 * What it cannot do: the headers describe the bucket when that answer left the server, so tasks already
 * in flight can still draw 429s (they are retried); it knows nothing of other clients sharing the key;
 * turn off the SDK's own retries (`maxRetries: 0`) or both will retry.
 */
export async function rateLimitAwarePool<T>(tasks: readonly RateLimitTask<T>[], options: RateLimitPoolOptions): Promise<RateLimitPoolResult<T>> {
  const { concurrency, tokensPerTask = 1, maxRetries = 3, fallbackWaitMs = 1000, rateLimitOf = defaultRateLimitOf, clock = systemClock } = options;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`concurrency must be a whole number ≥ 1, got ${concurrency}`);
  const results: PromiseSettledResult<T>[] = new Array(tasks.length);
  const queue: Array<{ index: number; attempt: number }> = tasks.map((_, index) => ({ index, attempt: 0 }));
  const result: RateLimitPoolResult<T> = { results, rateLimited: 0, retries: 0, pauses: 0, pausedMs: 0 };
  let startedCount = 0;
  let pausedUntilMs = -Infinity;

  // The freshest answer's view of each bucket, and the start it belonged to.
  let latest: { startSeq: number; requests?: BucketView; tokens?: BucketView } = { startSeq: 0 };
  const onReport = (startSeq: number, info: RateLimitInfo): void => {
    if (startSeq < latest.startSeq) return; // an older admission: a fresher one is already known
    const atMs = clock.now();
    const view = (remaining: number | undefined, limit: number | undefined, resetMs: number | undefined): BucketView | undefined =>
      remaining === undefined ? undefined : { remaining, limit, resetMs, atMs };
    const requests = view(info.remainingRequests, info.limitRequests, info.resetRequestsMs);
    const tokens = view(info.remainingTokens, info.limitTokens, info.resetTokensMs);
    latest = { startSeq, ...(requests ? { requests } : {}), ...(tokens ? { tokens } : {}) };
  };
  // Starts after the reported one were not counted in what the server said; the next start needs one more.
  const startWaitMs = (): number => {
    const now = clock.now();
    const need = startedCount - latest.startSeq + 1;
    const bucketWaitMs = Math.max(waitForMs(latest.requests, need, now, fallbackWaitMs), waitForMs(latest.tokens, need * tokensPerTask, now, fallbackWaitMs));
    return Math.max(pausedUntilMs - now, bucketWaitMs, 0);
  };
  const pauseFor = (ms: number): void => {
    const now = clock.now();
    const until = now + ms;
    if (ms <= 0 || until <= pausedUntilMs) return;
    pausedUntilMs = until;
  };

  const worker = async (): Promise<void> => {
    for (let item = queue.shift(); item; item = queue.shift()) {
      for (let waitMs = startWaitMs(); waitMs > 0; waitMs = startWaitMs()) {
        result.pauses += 1;
        result.pausedMs += waitMs;
        await clock.sleep(waitMs);
      }
      const task = tasks[item.index];
      if (!task) continue;
      const startSeq = ++startedCount;
      try {
        results[item.index] = { status: 'fulfilled', value: await task({ attempt: item.attempt, report: (headers) => onReport(startSeq, rateLimitInfo(headers)) }) };
      } catch (error: unknown) {
        const limited = rateLimitOf(error);
        if (limited) {
          result.rateLimited += 1;
          pauseFor(serverWaitMs(limited) ?? fallbackWaitMs);
          if (item.attempt < maxRetries) {
            result.retries += 1;
            queue.unshift({ index: item.index, attempt: item.attempt + 1 });
            continue;
          }
        }
        results[item.index] = { status: 'rejected', reason: error };
      }
    }
  };

  await Promise.all(Array.from({ length: Math.min(concurrency, tasks.length) }, worker));
  return result;
}
