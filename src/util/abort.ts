// tinybench adds a listener per task to the signal it is given and never removes them: each Bench
// (or strategy row) gets its own controller that follows the run's signal and is unlinked when done.
import { setMaxListeners } from 'node:events';

export interface LinkedAbort {
  signal: AbortSignal;
  unlink(): void;
}

export function linkedAbort(parent: AbortSignal | undefined): LinkedAbort {
  const controller = new AbortController();
  // One listener per task is expected here, not a leak.
  setMaxListeners(0, controller.signal);
  const forward = (): void => controller.abort(parent?.reason);
  if (parent?.aborted) controller.abort(parent.reason);
  else parent?.addEventListener('abort', forward, { once: true });
  return { signal: controller.signal, unlink: () => parent?.removeEventListener('abort', forward) };
}
