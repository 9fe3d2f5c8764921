// A discrete-event clock for the scheduler: time moves only when everything runnable has run,
// straight to the next wake-up (a sleeping scheduler or a fake response), so timings are exact.
import type { SchedulerClock } from '../../../src/suites/open/scheduler.ts';

interface Waiter {
  atMs: number;
  seq: number;
  resolve: () => void;
}

export class FakeClock implements SchedulerClock {
  nowMs = 0;
  private waiters: Waiter[] = [];
  private seq = 0;
  /** [fromMs, toMs): the scheduler is "blocked" then; its wake-ups due inside happen at toMs. */
  stalls: Array<[number, number]> = [];

  now = (): number => this.nowMs;

  sleepUntil = (ms: number): Promise<void> => {
    const stall = this.stalls.find(([from, to]) => ms >= from && ms < to);
    return this.at(Math.max(stall ? stall[1] : ms, this.nowMs));
  };

  /** Resolves `ms` after now: a fake response time. */
  after = (ms: number): Promise<void> => this.at(this.nowMs + ms);

  private at(atMs: number): Promise<void> {
    return new Promise((resolve) => this.waiters.push({ atMs, seq: this.seq++, resolve }));
  }

  /** Drives the clock until `work` settles. */
  async run<T>(work: Promise<T>): Promise<T> {
    let settled = false;
    work.then(
      () => (settled = true),
      () => (settled = true),
    );
    for (let steps = 0; steps < 1_000_000; steps++) {
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
