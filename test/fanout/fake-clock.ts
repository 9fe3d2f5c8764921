// A discrete-event clock for the fan-out helpers: time moves only when everything runnable has run,
// straight to the next wake-up (a sleeping pool or a fake answer), so every timing is exact.
import type { FanoutClock } from '../../src/fanout/clock.ts';

interface Waiter {
  atMs: number;
  seq: number;
  resolve: () => void;
}

export class FakeClock implements FanoutClock {
  nowMs = 0;
  private waiters: Waiter[] = [];
  private seq = 0;

  now = (): number => this.nowMs;

  sleep = (ms: number, signal?: AbortSignal): Promise<void> => {
    if (signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const waiter: Waiter = { atMs: this.nowMs + Math.max(0, ms), seq: this.seq++, resolve };
      this.waiters.push(waiter);
      signal?.addEventListener('abort', () => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve();
      }, { once: true });
    });
  };

  /** A fake call that answers `value` after `ms`, or rejects when `signal` aborts first. */
  answer<T>(ms: number, value: T, signal?: AbortSignal): Promise<T> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { atMs: this.nowMs + ms, seq: this.seq++, resolve: () => resolve(value) };
      this.waiters.push(waiter);
      signal?.addEventListener('abort', () => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error('aborted'));
      }, { once: true });
    });
  }

  /** A fake call that rejects with `error` after `ms`. */
  fail(ms: number, error: unknown): Promise<never> {
    return new Promise((_, reject) => this.waiters.push({ atMs: this.nowMs + ms, seq: this.seq++, resolve: () => reject(error) }));
  }

  /** Drives the clock until `work` settles. */
  async run<T>(work: Promise<T>): Promise<T> {
    let settled = false;
    work.then(
      () => (settled = true),
      () => (settled = true),
    );
    for (let steps = 0; steps < 100_000; steps++) {
      await new Promise((resolve) => setImmediate(resolve));
      if (settled) return work;
      this.waiters.sort((a, b) => a.atMs - b.atMs || a.seq - b.seq);
      const next = this.waiters.shift();
      if (!next) throw new Error('fake clock: nothing to wake and the work has not settled');
      this.nowMs = next.atMs;
      next.resolve();
    }
    throw new Error('fake clock: too many steps');
  }
}

/** An error shaped like the SDKs' APIError: a status and fetch-style headers. */
export const httpError = (status: number, headers: Record<string, string>): Error & { status: number; headers: Headers } =>
  Object.assign(new Error(`${status}`), { status, headers: new Headers(headers) });
