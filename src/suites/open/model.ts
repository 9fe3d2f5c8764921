// The open-loop suite's section of the result model: composed into the report by src/model/report.ts.
import { z } from 'zod';
import { GeneratorBoundFields } from '../../model/bottleneck.ts';
import { LatencySummaryMsSchema } from '../load/model.ts';
import { OpenSchedulerCheckSchema, OpenSchedulerFields } from './scheduler-model.ts';

/** A step's streamed chat completions (--open-llm): TTFT from the send, refusals, cut streams. */
export const OpenStepLlmSchema = z.object({
  /** 200 answers read to their end (or cut). */
  streamed: z.int().nonnegative(),
  /** First content token − send, over the streamed answers; null when none had a token. */
  ttftMs: LatencySummaryMsSchema.nullable(),
  /** 429 answers, and 503/529 (overloaded). */
  rateLimited: z.int().nonnegative(),
  overloaded: z.int().nonnegative(),
  /** Streams with an error event or cut before their end. */
  streamErrors: z.int().nonnegative(),
  outputTokens: z.int().nonnegative(),
  /** The TTFT HdrHistogram in microseconds, compressed base64. */
  ttftUs: z.string(),
});
export type OpenStepLlm = z.infer<typeof OpenStepLlmSchema>;

export const OpenStepSchema = z.object({
  ratePerSec: z.number().positive(),
  /** True for the second step at a rate, run because the first one kneed. */
  repeat: z.boolean(),
  /** Requests due by the schedule, started, and dropped because `maxInFlight` were pending. */
  scheduled: z.int().nonnegative(),
  started: z.int().nonnegative(),
  dropped: z.int().nonnegative(),
  byOutcome: z.object({
    ok: z.int().nonnegative(),
    'http-error': z.int().nonnegative(),
    'network-error': z.int().nonnegative(),
    timeout: z.int().nonnegative(),
  }),
  /** From the first intended start to the last response. */
  wallMs: z.number().nonnegative(),
  /** Responses per second over wallMs. */
  achievedPerSec: z.number().nonnegative(),
  /** Response time from the intended start (wrk2's correction): what a caller on this schedule waits. Null with no responses. */
  fromIntendedMs: LatencySummaryMsSchema.nullable(),
  /** Response time from the actual start: what the client alone adds. */
  fromActualMs: LatencySummaryMsSchema.nullable(),
  /** Actual start minus intended start: how far the scheduler fell behind. */
  startLagMs: LatencySummaryMsSchema.nullable(),
  /** Started more than lateThresholdMs after the intended start. */
  lateStarts: z.int().nonnegative(),
  /** HdrHistograms in microseconds, compressed base64, mergeable across runs. */
  histograms: z.object({ fromIntendedUs: z.string(), fromActualUs: z.string(), startLagUs: z.string() }),
  /** Event-loop delay p99 during the step (the scheduler shares its loop with the client and server). */
  eventLoopDelayP99Ms: z.number().nonnegative(),
  /** Why this step crosses the knee rule; empty when it does not. The knee is where a step and its repeat both do. */
  kneeReasons: z.array(z.string()),
  /** The same step against a no-op target, run just before it (absent in older reports). */
  scheduler: OpenSchedulerCheckSchema.optional(),
  /** With --open-llm: the step's streamed answers. */
  llm: OpenStepLlmSchema.optional(),
});
export type OpenStep = z.infer<typeof OpenStepSchema>;

export const OpenSectionSchema = z.object({
  loop: z.literal('open'),
  /** The scheduler and client run in the harness process, on the event loop of the delay server. */
  generator: z.literal('in-process'),
  client: z.string(),
  endpoint: z.string(),
  arrivals: z.enum(['constant', 'poisson', 'gamma']),
  /** Gamma arrivals' shape (1 = Poisson, < 1 burstier); present for gamma arrivals. */
  burstiness: z.number().positive().optional(),
  seed: z.int(),
  /** --open-llm: each arrival POSTs one streamed chat completion of this model (endpoint: its path), with one
   *  body for the whole sweep drawn from the seed. Latency is then to the answer's last byte. */
  llm: z.object({ model: z.string(), maxTokens: z.int().positive() }).optional(),
  maxInFlight: z.int().positive(),
  stepMaxRequests: z.int().positive(),
  stepMaxS: z.number().positive(),
  startRatePerSec: z.number().positive(),
  maxRatePerSec: z.number().positive(),
  /** Unmeasured seconds at the start rate before the first step. */
  warmupS: z.number().nonnegative(),
  timeoutMs: z.number().positive(),
  timeScale: z.number().positive(),
  lateThresholdMs: z.number().nonnegative(),
  /** A step crosses the knee rule when its p99 from intended start exceeds p99Factor × the baseline, or more than dropFraction / failFraction of its requests were dropped / failed. */
  kneeRule: z.object({ p99Factor: z.number().positive(), dropFraction: z.number().nonnegative(), failFraction: z.number().nonnegative() }),
  /** The lowest p99 from intended start among the steps so far: the unloaded p99 each step is held against. */
  baselineP99Ms: z.number().nullable(),
  /** The first rate whose step and its repeat both crossed the knee rule. */
  kneeRatePerSec: z.number().nullable(),
  /** Null while the sweep runs. */
  stopReason: z.enum(['knee', 'max-rate', 'aborted']).nullable(),
  steps: z.array(OpenStepSchema),
  ...OpenSchedulerFields,
  ...GeneratorBoundFields,
});
export type OpenSection = z.infer<typeof OpenSectionSchema>;
