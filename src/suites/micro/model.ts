// The micro suite's section of the result model: client stacks and scheduler overhead, sampled by
// tinybench. Times are in milliseconds like the rest of the model; reporters convert to µs.
import { z } from 'zod';

/** Statistics of tinybench's per-iteration latency samples. */
export const MicroLatencySchema = z.object({
  mean: z.number(),
  p50: z.number(),
  p99: z.number(),
  min: z.number(),
  max: z.number(),
  sd: z.number(),
  /** Relative margin of error of the mean at 95 %, in percent. */
  rme: z.number(),
  samplesCount: z.int().nonnegative(),
});
export type MicroLatency = z.infer<typeof MicroLatencySchema>;

export const ClientStackResultSchema = z.object({
  client: z.string(),
  description: z.string(),
  /** Path requested on the local delay server, one request in flight at a time. */
  path: z.string(),
  latencyMs: MicroLatencySchema,
  /** Sustained rate, 1000 / mean latency; its rme is the mean's. */
  opsPerSec: z.number(),
  /** This stack's ops/s over the slowest stack's in the same run. */
  vsSlowest: z.number(),
  /** rme above MICRO_DEFAULTS.noisyRmePct: too noisy for a verdict; compare skips it (absent in older reports). */
  noisy: z.boolean().optional(),
});
export type ClientStackResult = z.infer<typeof ClientStackResultSchema>;

export const SchedulerResultSchema = z.object({
  strategy: z.string(),
  /** k handed to strategies that take one; null for those that do not. */
  concurrency: z.int().positive().nullable(),
  /** Zero-delay in-process tasks per run. */
  tasks: z.int().positive(),
  /** One sample = one whole strategy.run over `tasks` tasks. */
  runMs: MicroLatencySchema,
  /** Mean run time over tasks: the scheduler's cost per task. */
  perTaskMs: z.number(),
  /** rme above MICRO_DEFAULTS.noisyRmePct (absent in older reports). */
  noisy: z.boolean().optional(),
});
export type SchedulerResult = z.infer<typeof SchedulerResultSchema>;

/** The recording path alone: recordingAttempt through the pool fed synthetic responses, no network. */
export const RecordingResultSchema = z.object({
  /** How recordingAttempt was set up (as the scale suite or as the strategies suite uses it). */
  variant: z.string(),
  /** Requests per sampled run. */
  requests: z.int().positive(),
  /** Pool width. */
  concurrency: z.int().positive(),
  /** One sample = one whole run of `requests` recorded requests. */
  runMs: MicroLatencySchema,
  /** Mean run time over requests: the recording path's cost per request. */
  perRequestMs: z.number(),
  /** rme above MICRO_DEFAULTS.noisyRmePct. */
  noisy: z.boolean().optional(),
});
export type RecordingResult = z.infer<typeof RecordingResultSchema>;

/** A scheduler row not measured because one run was predicted to exceed the suite's bound. */
export const SchedulerSkipSchema = z.object({
  strategy: z.string(),
  concurrency: z.int().positive().nullable(),
  tasks: z.int().positive(),
  /** The row's cost per task at fewer tasks × tasks. */
  predictedRunMs: z.number().nonnegative(),
  maxRunMs: z.number().positive(),
});
export type SchedulerSkip = z.infer<typeof SchedulerSkipSchema>;

/** What the request recorder (src/record/) adds per request: sequential loops off and on, interleaved. */
export const RecorderCostSchema = z.object({
  stack: z.enum(['undici', 'node:http']),
  /** Sequential GET requests per loop. */
  requests: z.int().positive(),
  /** Off/on loop pairs the medians are taken over. */
  pairs: z.int().positive(),
  /** Median per-request time of the loop without recorder. */
  medianOffMsPerRequest: z.number(),
  /** Median over pairs of (on − off) / requests; can be below zero when noise exceeds the cost. */
  medianDeltaMsPerRequest: z.number(),
});
export type RecorderCost = z.infer<typeof RecorderCostSchema>;

export const MicroErrorSchema = z.object({
  kind: z.enum(['client', 'scheduler', 'recorder', 'recording']),
  name: z.string(),
  error: z.string(),
});
export type MicroError = z.infer<typeof MicroErrorSchema>;

export const MicroSectionSchema = z.object({
  /** tinybench time budget per task, warm-up excluded. */
  timeBudgetMs: z.number().positive(),
  /** Rows whose rme is above this many percent are marked noisy (absent in older reports). */
  noisyRmePct: z.number().positive().optional(),
  clients: z.array(ClientStackResultSchema),
  schedulers: z.array(SchedulerResultSchema),
  /** Scheduler rows too slow to measure within the bound (absent when none). */
  skippedSchedulers: z.array(SchedulerSkipSchema).optional(),
  /** The request recorder's cost per recorded request, per stack (absent when not measured). */
  recorderCost: z.array(RecorderCostSchema).optional(),
  /** The recording path alone, fed synthetic responses (absent in older reports). */
  recording: z.array(RecordingResultSchema).optional(),
  /** Tasks that errored or were aborted: recorded, never dropped. */
  errors: z.array(MicroErrorSchema),
});
export type MicroSection = z.infer<typeof MicroSectionSchema>;
