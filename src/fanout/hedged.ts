// Hedged calls: when a call is slower than usual, start a duplicate and take whichever answers first,
// cancelling the others through their AbortSignal; the duplicates started are reported as waste.
import { systemClock, type FanoutClock } from './clock.ts';

/** Latencies seen so far, to hedge after their pNN. Share one between the calls of a fan-out. */
export class LatencyHistory {
  private readonly samplesMs: number[] = [];
  record(ms: number): void {
    this.samplesMs.push(ms);
  }
  get size(): number {
    return this.samplesMs.length;
  }
  /** The q-quantile (0 < q < 1) by linear interpolation, or null with no samples. */
  quantile(q: number): number | null {
    if (this.samplesMs.length === 0) return null;
    const sorted = [...this.samplesMs].sort((a, b) => a - b);
    const at = (sorted.length - 1) * q;
    const low = sorted[Math.floor(at)] ?? 0;
    const high = sorted[Math.ceil(at)] ?? low;
    return low + (high - low) * (at - Math.floor(at));
  }
}

export type HedgeDelay =
  | { afterMs: number }
  /** After the q-quantile of `history` (e.g. 0.9 for p90); no hedge until `minSamples` (default 5) are in. */
  | { afterQuantile: number; history: LatencyHistory; minSamples?: number };

export type HedgedOptions = HedgeDelay & {
  /** Duplicates started at most (1 = one hedge); each waits the delay after the previous start. */
  maxHedges: number;
  /** Aborts every attempt. */
  signal?: AbortSignal;
  clock?: FanoutClock;
};

export interface HedgedResult<T> {
  value: T;
  /** Attempts started: 1 + hedges. The extra `started - 1` requests are waste (cancelled or lost the race). */
  started: number;
  /** Which attempt won: 0 the original, 1 the first hedge, … */
  winner: number;
  /** From the first start to the answer, ms on the clock. */
  latencyMs: number;
}

/**
 * Calls `call(signal)`; if no attempt has answered after the hedge delay, calls it again, up to
 * `maxHedges` more times. The first attempt to resolve wins and every other attempt's signal is
 * aborted (the winner's is not); the call rejects with the first error only when every attempt started has failed (a
 * failure does not start a hedge early: hedging is not retrying). With `afterQuantile`, the winning
 * attempt's own latency is added to `history` (losers' are not: they were cut short).
 *
 * A hedge costs a request, and for an LLM call the tokens the loser generated before it was
 * cancelled; against a rate limit each hedge also spends quota. Only hedge calls that are safe to
 * send twice.
 */
export async function hedged<T>(call: (signal: AbortSignal) => Promise<T>, options: HedgedOptions): Promise<HedgedResult<T>> {
  const clock = options.clock ?? systemClock;
  if (!Number.isInteger(options.maxHedges) || options.maxHedges < 0) throw new RangeError(`maxHedges must be a whole number ≥ 0, got ${options.maxHedges}`);
  const delayMs = ((): number | null => {
    if ('afterMs' in options) return options.afterMs;
    if (options.history.size < (options.minSamples ?? 5)) return null;
    return options.history.quantile(options.afterQuantile);
  })();
  options.signal?.throwIfAborted();
  const firstStartMs = clock.now();
  const controllers: AbortController[] = [];
  const timer = new AbortController();
  let winner = -1;
  // The winner's signal is left alone: its value may still be reading from it (a stream, say).
  const abortLosers = (): void => {
    timer.abort();
    controllers.forEach((controller, attempt) => attempt !== winner && controller.abort());
  };
  const abortAll = (): void => {
    winner = -1;
    abortLosers();
  };
  options.signal?.addEventListener('abort', abortAll, { once: true });

  try {
    return await new Promise<HedgedResult<T>>((resolve, reject) => {
      const errors: unknown[] = [];
      let done = false;
      const launch = (attempt: number): void => {
        const controller = new AbortController();
        controllers.push(controller);
        const startedMs = clock.now();
        new Promise<T>((settle) => settle(call(controller.signal))).then(
          (value) => {
            if (done) return;
            done = true;
            winner = attempt;
            const now = clock.now();
            if ('history' in options) options.history.record(now - startedMs);
            resolve({ value, started: controllers.length, winner: attempt, latencyMs: now - firstStartMs });
          },
          (error: unknown) => {
            if (done) return;
            errors.push(error);
            if (errors.length === controllers.length) {
              done = true;
              reject(errors[0]);
            }
          },
        );
      };
      const hedgeLoop = async (): Promise<void> => {
        if (delayMs === null) return;
        for (let attempt = 1; attempt <= options.maxHedges; attempt++) {
          await clock.sleep(delayMs, timer.signal);
          if (done || timer.signal.aborted) return;
          launch(attempt);
        }
      };
      launch(0);
      void hedgeLoop();
    });
  } finally {
    options.signal?.removeEventListener('abort', abortAll);
    abortLosers();
  }
}
