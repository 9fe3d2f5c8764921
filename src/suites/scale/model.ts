// The scaling sweep's section of the result model: requests × concurrency through the pool
// strategy, wall against ideal, memory and event-loop delay per point.
import { z } from 'zod';
import { GeneratorBoundFields } from '../../model/bottleneck.ts';
import { ScaleFloorSchema } from './floor-model.ts';

const PointKey = { requests: z.int().positive(), concurrency: z.int().positive() };

export const ScaleMeasuredSchema = z.object({
  state: z.literal('measured'),
  ...PointKey,
  wallMs: z.number(),
  /** Pool makespan from the delays the server says it served. */
  idealMs: z.number(),
  /** Null when the server reported no delays (ideal 0). */
  wallOverIdeal: z.number().nullable(),
  ok: z.int().nonnegative(),
  failed: z.int().nonnegative(),
  requestLatencyMs: z.object({ p50: z.number(), p99: z.number(), max: z.number() }),
  /** Client-side event-loop delay during the run (perf_hooks.monitorEventLoopDelay), beyond its 10 ms sampling interval. */
  eventLoopDelayMs: z.object({ p50: z.number(), p99: z.number(), max: z.number() }),
  /** User + system CPU of the whole process (client and server threads) during the run. */
  cpuMs: z.number().nonnegative(),
  /** Share of the run each event loop was busy, 0–1 (perf_hooks eventLoopUtilization); null where not measured. */
  loopUtilization: z.object({ client: z.number(), server: z.number().nullable() }),
  rssBeforeBytes: z.int().nonnegative(),
  peakRssBytes: z.int().nonnegative(),
  heapBeforeBytes: z.int().nonnegative(),
  peakHeapBytes: z.int().nonnegative(),
  /** (peak RSS − RSS before) / min(requests, concurrency): includes young-generation growth, so an upper bound. */
  rssPerInFlightBytes: z.number(),
  /**
   * Live heap per in-flight request: heap after a forced GC with the warm-up round in flight, minus
   * heap after a forced GC once it finished, over the requests that were in flight; null below 100 in flight
   * (the difference is lost among JIT code and buffers) and when the difference is not positive (GC noise won).
   */
  liveHeapPerInFlightBytes: z.number().nullable(),
  /** The no-harness floor of this point, measured in the same run interleaved with the harness (absent in older reports). */
  floor: ScaleFloorSchema.optional(),
  /** Median over the pairs of harness wall ÷ floor wall: what the harness adds to the machine's own cost. */
  harnessOverFloor: z.number().nullable().optional(),
  ...GeneratorBoundFields,
});
export type ScaleMeasured = z.infer<typeof ScaleMeasuredSchema>;

export const ScalePointSchema = z.discriminatedUnion('state', [
  ScaleMeasuredSchema,
  z.object({ state: z.literal('skipped'), ...PointKey, predictedIdealMs: z.number(), reason: z.string() }),
  z.object({ state: z.literal('errored'), ...PointKey, error: z.string() }),
]);
export type ScalePoint = z.infer<typeof ScalePointSchema>;

export const ScaleSectionSchema = z.object({
  client: z.string(),
  strategy: z.literal('pool'),
  /** Path every request asks for, before the time scale. */
  path: z.string(),
  /** Delay each request is served, after the time scale. */
  delayMs: z.number().nonnegative(),
  timeScale: z.number().positive(),
  /** Points whose predicted ideal exceeds this are skipped and recorded as skipped. */
  budgetMs: z.number().positive(),
  /** Where the client ran: a worker thread of its own, or the main thread beside the report. */
  clientThread: z.enum(['worker-thread', 'main']),
  /** Where the delay server ran: off the client's event loop, or sharing it. */
  server: z.enum(['worker-thread', 'in-process']),
  /** V8 young-generation size given to the worker threads; null for V8's default. */
  youngGenerationMb: z.int().positive().nullable(),
  /** What ran on each point's client session before the measured run. */
  warmup: z.string(),
  /** True when every measured harness run was also recorded by the diagnostics-channel recorder (src/record/), as bench files' variants are. */
  recorder: z.boolean().optional(),
  points: z.array(ScalePointSchema),
});
export type ScaleSection = z.infer<typeof ScaleSectionSchema>;
