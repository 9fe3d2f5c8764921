// The real clock for the scheduler: performance.now(), sleeping on a timer to within a
// millisecond of the target and then on setImmediate, so it neither starts early nor starves I/O.
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import type { SchedulerClock } from './scheduler.ts';

/** Timers fire up to about a millisecond late; the rest of the wait is spent yielding. */
const TIMER_SLACK_MS = 1;

export const realClock: SchedulerClock = {
  now: () => performance.now(),
  async sleepUntil(ms) {
    const waitMs = ms - performance.now();
    if (waitMs > TIMER_SLACK_MS) await sleep(waitMs - TIMER_SLACK_MS);
    do await nextTurn();
    while (performance.now() < ms);
  },
};
