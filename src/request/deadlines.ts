// Per-try deadlines without a timer, a composed signal or even an AbortController per try: tries
// started within one short slot share one controller, one timer per recorder is armed for the oldest
// live slot, and one listener sits on the run's signal. AbortSignal.timeout + AbortSignal.any per try
// cost a timer, weak references and a finalizer each, a fifth of the client thread at 20,000
// requests/s; a controller per try still cost a twentieth. Every try of a recorder has the same
// timeout, so slots expire in order and a FIFO finds the expired ones.

import { setMaxListeners } from 'node:events';

export interface Deadline {
  /** Shared with the tries started in the same slot: once this try settled it may still abort (nobody listens then). */
  readonly signal: AbortSignal;
  /** True once this try was aborted because its deadline passed (a try settled before it never is). */
  readonly timedOut: boolean;
}

/** Tries started within one slot: they share a controller and a deadline (the slot's last start + timeout). */
interface Slot {
  controller: AbortController;
  openedMs: number;
  deadlineMs: number;
  /** Tries started in this slot and not yet finished. */
  live: number;
  /** Set when the deadline passed with tries still live (they were aborted with a TimeoutError). */
  expired: boolean;
}

/** A class for the getter: a live try reads its slot's state, a finished one what it was when it finished. */
class Entry implements Deadline {
  private finishedTimedOut = false;
  constructor(
    readonly signal: AbortSignal,
    public slot: Slot | null,
  ) {}

  get timedOut(): boolean {
    return this.slot === null ? this.finishedTimedOut : this.slot.expired;
  }

  /** Leaves its slot, keeping whether the deadline had passed. */
  leave(): Slot | null {
    const slot = this.slot;
    if (slot !== null) {
      this.finishedTimedOut = slot.expired;
      this.slot = null;
    }
    return slot;
  }
}

export interface Deadlines {
  /** Starts a try's deadline now. */
  start(): Deadline;
  /** The try settled: its deadline no longer matters, and `timedOut` says whether it had passed. */
  finish(deadline: Deadline): void;
}

/** Timers may fire a little early by performance.now(); a deadline within this is due. */
const EARLY_TOLERANCE_MS = 1;

/** How long a slot takes new tries: a try times out between timeoutMs and timeoutMs + this after it started. */
export const slotWidthMs = (timeoutMs: number): number => Math.min(10, Math.max(1, timeoutMs / 1000));

export function deadlines(timeoutMs: number, runSignal?: AbortSignal): Deadlines {
  const widthMs = slotWidthMs(timeoutMs);
  const queue: (Slot | undefined)[] = [];
  let head = 0;
  let open: Slot | null = null;
  let timer: NodeJS.Timeout | undefined;

  const dropSettledHead = (): void => {
    while (head < queue.length && queue[head]?.live === 0 && queue[head] !== open) queue[head++] = undefined;
    if (head === queue.length) {
      queue.length = 0;
      head = 0;
    } else if (head > 1024 && head * 2 > queue.length) {
      queue.splice(0, head);
      head = 0;
    }
  };

  const arm = (): void => {
    const first = queue[head];
    if (timer !== undefined || first === undefined) return;
    timer = setTimeout(expire, Math.max(0, first.deadlineMs - performance.now()));
    // As AbortSignal.timeout: a pending deadline never keeps the process alive.
    timer.unref();
  };

  function expire(): void {
    timer = undefined;
    const nowMs = performance.now() + EARLY_TOLERANCE_MS;
    for (let first = queue[head]; first !== undefined && first.deadlineMs <= nowMs; first = queue[head]) {
      if (first === open) open = null;
      queue[head++] = undefined;
      if (first.live > 0) {
        first.expired = true;
        first.controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
      }
    }
    dropSettledHead();
    if (queue.length === 0) listen(false);
    arm();
  }

  const abortAll = (): void => {
    for (let i = head; i < queue.length; i++) {
      const slot = queue[i];
      if (slot && slot.live > 0 && !slot.controller.signal.aborted) slot.controller.abort(runSignal?.reason);
    }
  };
  // Listening only while tries are live, so recorders made one after another on a long-lived run
  // signal never pile up listeners on it.
  let listening = false;
  const listen = (on: boolean): void => {
    if (!runSignal || listening === on) return;
    listening = on;
    if (on) runSignal.addEventListener('abort', abortAll, { once: true });
    else runSignal.removeEventListener('abort', abortAll);
  };

  const slotFor = (nowMs: number): Slot => {
    if (open !== null && nowMs - open.openedMs < widthMs) {
      open.deadlineMs = nowMs + timeoutMs;
      return open;
    }
    const controller = new AbortController();
    // Every try of the slot listens on its signal (one listener each through request(), node:http,
    // Pool): no limit, so a wide fan-out draws no MaxListenersExceededWarning.
    setMaxListeners(0, controller.signal);
    open = { controller, openedMs: nowMs, deadlineMs: nowMs + timeoutMs, live: 0, expired: false };
    if (queue.length === 0) listen(true);
    queue.push(open);
    return open;
  };

  return {
    start() {
      if (runSignal?.aborted) {
        const controller = new AbortController();
        controller.abort(runSignal.reason);
        return new Entry(controller.signal, null);
      }
      const slot = slotFor(performance.now());
      slot.live += 1;
      arm();
      return new Entry(slot.controller.signal, slot);
    },
    finish(deadline) {
      const slot = (deadline as Entry).leave();
      if (slot === null) return;
      slot.live -= 1;
      if (slot.live > 0) return;
      // No try left in it: the slot takes no more (the next try opens a fresh one) and leaves the queue.
      if (slot === open) open = null;
      if (queue[head] === slot) {
        dropSettledHead();
        if (queue.length === 0) listen(false);
      }
    },
  };
}
