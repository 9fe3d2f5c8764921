// The open-loop scheduler: requests start on a schedule, whatever the responses do. Each request
// keeps its intended start, so latency can be measured from it (wrk2's correction for coordinated
// omission); a request due while `maxInFlight` are pending is dropped and counted (k6's
// dropped_iterations). Time comes from an injected clock, so tests run it on a fake one.
import { arrivalGaps, type Arrivals } from './arrivals.ts';

export interface SchedulerClock {
  now(): number;
  /** Resolves at or after `ms`; resolves promptly (yielding to I/O) when `ms` has passed. */
  sleepUntil(ms: number): Promise<void>;
}

export type SendOutcome = 'ok' | 'http-error' | 'network-error' | 'timeout';

export interface Completion {
  index: number;
  intendedMs: number;
  startMs: number;
  endMs: number;
  outcome: SendOutcome;
}

export interface ScheduleOptions {
  ratePerSec: number;
  arrivals: Arrivals;
  /** Gamma arrivals' shape (default 1). */
  burstiness?: number;
  seed: number;
  /** No request is scheduled at or beyond this many ms after the first. */
  maxDurationMs: number;
  maxRequests: number;
  maxInFlight: number;
  signal?: AbortSignal;
}

export interface ScheduleResult {
  /** Clock time of the first intended start. */
  startMs: number;
  scheduled: number;
  started: number;
  dropped: number;
  /** Clock time when the last request finished (or the schedule ended, if later). */
  endMs: number;
}

/** Runs the schedule; `send` must settle (its own timeout bounds it). A rejection counts as a network error. */
export async function runSchedule(
  options: ScheduleOptions,
  clock: SchedulerClock,
  send: (index: number) => Promise<SendOutcome>,
  onComplete: (completion: Completion) => void,
): Promise<ScheduleResult> {
  const nextGap = arrivalGaps(options.arrivals, options.ratePerSec, options.seed, options.burstiness);
  const startMs = clock.now();
  const pending = new Set<Promise<void>>();
  let scheduled = 0;
  let started = 0;
  let dropped = 0;
  let offsetMs = 0;
  for (let index = 0; index < options.maxRequests; index++) {
    if (index > 0) offsetMs += nextGap();
    if (offsetMs >= options.maxDurationMs || options.signal?.aborted) break;
    const intendedMs = startMs + offsetMs;
    await clock.sleepUntil(intendedMs);
    scheduled++;
    if (pending.size >= options.maxInFlight) {
      dropped++;
      continue;
    }
    started++;
    const sendStartMs = clock.now();
    const done: Promise<void> = send(index)
      .catch((): SendOutcome => 'network-error')
      .then((outcome) => {
        pending.delete(done);
        onComplete({ index, intendedMs, startMs: sendStartMs, endMs: clock.now(), outcome });
      });
    pending.add(done);
  }
  await Promise.all(pending);
  return { startMs, scheduled, started, dropped, endMs: clock.now() };
}
