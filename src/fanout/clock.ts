// The clock the fan-out helpers wait on: injectable so tests run on a fake clock, deterministically.
import { setTimeout as delay } from 'node:timers/promises';

export interface FanoutClock {
  /** Milliseconds on a monotonic clock. */
  now(): number;
  /** Resolves after `ms`, or at once when `signal` aborts (it never rejects: a cancelled wait is simply over). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: FanoutClock = {
  now: () => performance.now(),
  sleep: async (ms, signal) => {
    if (signal?.aborted) return;
    await delay(Math.max(0, ms), undefined, signal ? { signal } : {}).catch((error: unknown) => {
      if (!signal?.aborted) throw error;
    });
  },
};
