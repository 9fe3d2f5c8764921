// The scheduler's own limit: the same step against a no-op target (a session that answers on the
// next turn of the event loop, no network, no server), run beside every real step. Where the no-op
// step falls behind too, the knee is the harness's, not the server's.
import type { ClientSession } from '../../clients/index.ts';
import { finishedResponse } from '../../clients/client.ts';
import type { OpenSchedulerCheck } from './scheduler-model.ts';
import type { MeasuredStep } from './knee.ts';

/** The no-op step falls behind when its start lag p99 passes this, or it drops more than the knee rule allows. */
export const SCHEDULER_LAG_P99_MS = 10;

const NO_HEADERS = {};

/** Answers every request with a 200 after setImmediate: the cost of the schedule and the recording alone. */
export const noopSession: ClientSession = {
  request: () =>
    new Promise((resolve) => {
      const startMs = performance.now();
      setImmediate(() => resolve(finishedResponse(200, 0, startMs, startMs, NO_HEADERS)));
    }),
  close: async () => {},
};

export function schedulerCheck(noop: MeasuredStep, dropFraction: number): OpenSchedulerCheck {
  const reasons: string[] = [];
  const lagP99 = noop.startLagMs?.p99 ?? 0;
  if (lagP99 > SCHEDULER_LAG_P99_MS) reasons.push(`no-op target: start lag p99 ${lagP99.toFixed(1)} ms > ${SCHEDULER_LAG_P99_MS} ms`);
  if (noop.scheduled > 0 && noop.dropped / noop.scheduled > dropFraction) reasons.push(`no-op target: ${noop.dropped} of ${noop.scheduled} dropped`);
  return {
    achievedPerSec: noop.achievedPerSec,
    dropped: noop.dropped,
    startLagP99Ms: lagP99,
    lateStarts: noop.lateStarts,
    eventLoopDelayP99Ms: noop.eventLoopDelayP99Ms,
    fellBehind: reasons.length > 0,
    reason: reasons.length > 0 ? reasons.join('; ') : null,
  };
}
