// Per-try deadlines without a timer or a composed signal per try: one AbortController per try, one
// timer per recorder armed for the oldest live deadline, and one listener on the run's signal.
// AbortSignal.timeout + AbortSignal.any per try cost a timer, weak references and a finalizer each,
// a fifth of the client thread at 20,000 requests/s. Every try of a recorder has the same timeout,
// so deadlines arrive in order and a FIFO finds the expired ones.

export interface Deadline {
  readonly signal: AbortSignal;
  /** True once this try was aborted because its deadline passed. */
  timedOut: boolean;
}

interface Entry extends Deadline {
  controller: AbortController | null;
  deadlineMs: number;
}

export interface Deadlines {
  /** Starts a try's deadline now. */
  start(): Deadline;
  /** The try settled: its deadline no longer matters. */
  finish(deadline: Deadline): void;
}

/** Timers may fire a little early by performance.now(); a deadline within this is due. */
const EARLY_TOLERANCE_MS = 1;

export function deadlines(timeoutMs: number, runSignal?: AbortSignal): Deadlines {
  const queue: (Entry | undefined)[] = [];
  let head = 0;
  let timer: NodeJS.Timeout | undefined;

  const dropSettledHead = (): void => {
    while (head < queue.length && queue[head]?.controller === null) queue[head++] = undefined;
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
    dropSettledHead();
    for (let first = queue[head]; first !== undefined && first.deadlineMs <= nowMs; first = queue[head]) {
      const controller = first.controller;
      first.controller = null;
      if (controller) {
        first.timedOut = true;
        controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
      }
      dropSettledHead();
    }
    if (queue.length === 0) listen(false);
    arm();
  }

  const abortAll = (): void => {
    for (let i = head; i < queue.length; i++) {
      const entry = queue[i];
      const controller = entry?.controller;
      if (entry && controller) {
        entry.controller = null;
        controller.abort(runSignal?.reason);
      }
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

  return {
    start() {
      const controller = new AbortController();
      const entry: Entry = { controller, signal: controller.signal, timedOut: false, deadlineMs: performance.now() + timeoutMs };
      if (runSignal?.aborted) {
        entry.controller = null;
        controller.abort(runSignal.reason);
        return entry;
      }
      if (queue.length === 0) listen(true);
      queue.push(entry);
      arm();
      return entry;
    },
    finish(deadline) {
      (deadline as Entry).controller = null;
      if (queue[head] === deadline) {
        dropSettledHead();
        if (queue.length === 0) listen(false);
      }
    },
  };
}
