// What autocannon 9 returns with `skipAggregateResult: true` (its per-instance result, histograms
// still encoded), validated where it crosses from the generator process into ours.
import { z } from 'zod';

export const AutocannonRawResultSchema = z.object({
  /** HdrHistogram, compressed base64, of response latency in milliseconds (autocannon records whole ms). */
  latencies: z.string(),
  totalCompletedRequests: z.int().nonnegative(),
  totalRequests: z.int().nonnegative(),
  totalBytes: z.number().nonnegative(),
  errors: z.int().nonnegative(),
  timeouts: z.int().nonnegative(),
  mismatches: z.int().nonnegative(),
  non2xx: z.int().nonnegative(),
  /** Seconds, rounded by autocannon to 10 ms. */
  duration: z.number().nonnegative(),
  statusCodeStats: z.record(z.string(), z.object({ count: z.int().nonnegative() })),
});
export type AutocannonRawResult = z.infer<typeof AutocannonRawResultSchema>;

/** What the generator process measured about itself during one measured run. */
export const GeneratorUsageSchema = z.object({
  wallMs: z.number().nonnegative(),
  cpuUserMs: z.number().nonnegative(),
  cpuSystemMs: z.number().nonnegative(),
  /** performance.eventLoopUtilization() over the run: the share of time the loop was busy. */
  eventLoopUtilization: z.number().min(0).max(1),
  eventLoopDelayP99Ms: z.number().nonnegative(),
});
export type GeneratorUsage = z.infer<typeof GeneratorUsageSchema>;

export const GeneratorReplySchema = z.discriminatedUnion('kind', [
  /** Sent just before the measured run starts (after warm-up), so the parent can start its own clocks. */
  z.object({ kind: z.literal('measuring'), id: z.int() }),
  z.object({ kind: z.literal('result'), id: z.int(), result: AutocannonRawResultSchema, usage: GeneratorUsageSchema }),
  z.object({ kind: z.literal('error'), id: z.int(), message: z.string() }),
]);
export type GeneratorReply = z.infer<typeof GeneratorReplySchema>;

export interface GeneratorRequest {
  kind: 'run';
  id: number;
  url: string;
  connections: number;
  /** Unmeasured run first, on its own connections; 0 skips it. */
  warmupS: number;
  durationS: number;
  timeoutS: number;
  /** Caps requests per second across the connections (autocannon's overallRate); absent = closed loop flat out. */
  overallRatePerSec?: number;
}
