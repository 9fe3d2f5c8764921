// The open-loop scheduler's own limit in the result model: each rate step also run against a no-op
// target, and which side kneed.
import { z } from 'zod';

export const OpenSchedulerCheckSchema = z.object({
  achievedPerSec: z.number().nonnegative(),
  dropped: z.int().nonnegative(),
  /** Start lag p99 against the no-op target: how far the scheduler alone fell behind. */
  startLagP99Ms: z.number().nonnegative(),
  lateStarts: z.int().nonnegative(),
  eventLoopDelayP99Ms: z.number().nonnegative(),
  /** The scheduler could not keep this rate even with nothing to wait for. */
  fellBehind: z.boolean(),
  reason: z.string().nullable(),
});
export type OpenSchedulerCheck = z.infer<typeof OpenSchedulerCheckSchema>;

export const OpenSchedulerFields = {
  /** Where the delay server ran: a worker thread of its own, or the harness's event loop (absent in older reports). */
  server: z.enum(['worker-thread', 'in-process', 'target']).optional(),
  /** The first rate at which the scheduler fell behind against the no-op target; null when it kept every rate. */
  schedulerLimitPerSec: z.number().nullable().optional(),
  /**
   * Which side the knee belongs to: `scheduler` when it fell behind against the no-op target at the knee
   * rate; `client-loop` when it kept up alone but with the client's work on its loop the start lag made up
   * at least half of the p99 from intended start in every knee step; else `server`.
   */
  kneedSide: z.enum(['server', 'scheduler', 'client-loop']).nullable().optional(),
};
