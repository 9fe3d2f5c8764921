// The result model: one schema, from which both the TypeScript types and the
// published JSON Schema (schema/report.schema.json) are derived, so they cannot drift.
// Every time is in milliseconds on one monotonic clock; every size is in bytes.
import { z } from 'zod';
import { LoadSectionSchema } from './model-load.ts';
import { OpenSectionSchema } from './model-open.ts';
import { MicroSectionSchema } from './model-micro.ts';
import { ScaleSectionSchema } from './model-scale.ts';

export const SCHEMA_VERSION = 1;

export const OutcomeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ok') }),
  z.object({ kind: z.literal('http-error'), status: z.int() }),
  z.object({ kind: z.literal('network-error'), code: z.string(), message: z.string() }),
  z.object({ kind: z.literal('timeout'), afterMs: z.number() }),
]);
export type Outcome = z.infer<typeof OutcomeSchema>;
export type OutcomeKind = Outcome['kind'];
export const OUTCOME_KINDS = ['ok', 'http-error', 'network-error', 'timeout'] as const satisfies readonly OutcomeKind[];

/** One try of a request that was retried afterwards; times relative to the start of the run. */
export const FailedAttemptSchema = z.object({
  startMs: z.number(),
  endMs: z.number(),
  outcome: OutcomeSchema,
  status: z.int().optional(),
  /** The delay the server says it served this try (Server-Timing), absent when it did not say. */
  serverDelayMs: z.number().optional(),
  /** What the harness waited before the next try: Retry-After when the server sent one, else backoff. */
  waitMs: z.number().nonnegative(),
  /** True when waitMs came from the server's Retry-After / retry-after-ms. */
  retryAfter: z.boolean(),
});
export type FailedAttempt = z.infer<typeof FailedAttemptSchema>;

/** One request of one run, times relative to the start of that run. */
export const RequestRecordSchema = z.object({
  index: z.int().nonnegative(),
  url: z.string(),
  /** When the strategy was handed the request: the run start, for every strategy. */
  queuedMs: z.number(),
  startMs: z.number(),
  /** Response headers received; absent when none arrived. */
  firstByteMs: z.number().optional(),
  endMs: z.number(),
  outcome: OutcomeSchema,
  status: z.int().optional(),
  bytes: z.int().nonnegative(),
  /** The delay the server says it served (Server-Timing), absent when it did not say. */
  serverDelayMs: z.number().optional(),
  /** Tries made for this request, retries included; absent means one. Start is the first try's, the rest the final try's. */
  attempts: z.int().positive().optional(),
  /** Every try before the final one, in order. */
  failedAttempts: z.array(FailedAttemptSchema).optional(),
});
export type RequestRecord = z.infer<typeof RequestRecordSchema>;

export const SampleStatsSchema = z.object({
  p50: z.number(),
  mean: z.number(),
  min: z.number(),
  max: z.number(),
  /** Relative margin of error of the mean at 95 %, in percent. */
  rme: z.number(),
  sd: z.number(),
  samples: z.array(z.number()),
});
export type SampleStats = z.infer<typeof SampleStatsSchema>;

export const OutcomeCountsSchema = z.object({
  ok: z.int().nonnegative(),
  'http-error': z.int().nonnegative(),
  'network-error': z.int().nonnegative(),
  timeout: z.int().nonnegative(),
});
export type OutcomeCounts = z.infer<typeof OutcomeCountsSchema>;

/** Requests that did not end ok: every outcome but `ok`. */
export const failedCount = (byOutcome: OutcomeCounts): number => OUTCOME_KINDS.reduce((sum, kind) => (kind === 'ok' ? sum : sum + byOutcome[kind]), 0);

export const RequestTotalsSchema = z.object({
  /** Over all measured iterations (warm-up excluded). */
  total: z.int().nonnegative(),
  ok: z.int().nonnegative(),
  failed: z.int().nonnegative(),
  byOutcome: OutcomeCountsSchema,
});
export type RequestTotals = z.infer<typeof RequestTotalsSchema>;

/** Tries, retries and timeouts over all measured iterations of a row, and what got through. */
export const ResilienceSchema = z.object({
  attempts: z.int().nonnegative(),
  retries: z.int().nonnegative(),
  /** Tries (not requests) that hit the per-request timeout. */
  timeouts: z.int().nonnegative(),
  /** Retries the retry budget refused. */
  retriesDenied: z.int().nonnegative(),
  /** Requests that ended ok over all requests. */
  okFraction: z.number(),
  /** Requests that ended ok per second of measured wall time. */
  goodputPerSec: z.number(),
});
export type Resilience = z.infer<typeof ResilienceSchema>;

export const StrategyResultSchema = z.object({
  fixture: z.string(),
  name: z.string(),
  /** Workers (pool) or chunk size (batched); null for strategies without a k. */
  concurrency: z.int().positive().nullable(),
  client: z.string(),
  iterations: z.int().positive(),
  wallMs: SampleStatsSchema,
  /** Makespan this strategy would have with zero overhead, from the delays the server served in the median run. */
  idealMs: z.number(),
  /** Median wall minus ideal. */
  overheadMs: z.number(),
  /** Sequential's median wall over this one's, within the same fixture; null without a sequential row. */
  speedup: z.number().nullable(),
  requests: RequestTotalsSchema,
  /** Per-request latency (start to end) over all measured iterations. */
  requestLatencyMs: z.object({ p50: z.number(), p99: z.number(), max: z.number() }),
  /** Every request of the run whose wall is nearest the median. */
  timeline: z.array(RequestRecordSchema),
  resilience: ResilienceSchema.optional(),
});
export type StrategyResult = z.infer<typeof StrategyResultSchema>;

export const StrategyErrorSchema = z.object({
  fixture: z.string(),
  name: z.string(),
  concurrency: z.int().positive().nullable(),
  client: z.string(),
  error: z.string(),
});
export type StrategyError = z.infer<typeof StrategyErrorSchema>;

export const FixtureSchema = z.object({
  name: z.string(),
  description: z.string(),
  urls: z.array(z.string()),
});
export type Fixture = z.infer<typeof FixtureSchema>;

export const EnvironmentSchema = z.object({
  node: z.string(),
  platform: z.string(),
  arch: z.string(),
  cpus: z.int().positive(),
  cpuModel: z.string(),
  totalMemoryBytes: z.number(),
  loadAverage: z.array(z.number()),
  gitCommit: z.string().nullable(),
  ci: z.boolean(),
});
export type Environment = z.infer<typeof EnvironmentSchema>;

/** One machine whose report went into a merged report (`fanout-bench merge`). */
export const RunnerSchema = z.object({
  startedAt: z.iso.datetime(),
  environment: EnvironmentSchema,
});
export type Runner = z.infer<typeof RunnerSchema>;

export const RunConfigSchema = z.object({
  suites: z.array(z.string()),
  client: z.string(),
  strategies: z.array(z.string()),
  concurrency: z.array(z.int().positive()).nullable(),
  iterations: z.int().positive(),
  warmup: z.int().nonnegative(),
  timeScale: z.number().positive(),
  timeoutMs: z.number().positive(),
  target: z.string(),
  /** Load and open-loop request rate cap per runner (--max-rate), req/s; required for a remote target. */
  maxRatePerSec: z.number().positive().optional(),
  /** How many runners were meant to load the target at once (--runners), as stated before the run. */
  runners: z.int().positive().optional(),
  /** Seeds the delay server's PRNG (/flaky, weighted /status, /bytes) and the retry jitter. */
  seed: z.int().nonnegative().optional(),
  /** The retry policy of retrying strategies (pool-retry). */
  retry: z
    .object({
      maxRetries: z.int().nonnegative(),
      /** At most ceil(budget × requests) retries per run. */
      budget: z.number().nonnegative(),
      backoffBaseMs: z.number().nonnegative(),
      backoffMaxMs: z.number().nonnegative(),
    })
    .optional(),
});
export type RunConfig = z.infer<typeof RunConfigSchema>;

export const ReportSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  tool: z.object({ name: z.literal('fanout-bench'), version: z.string() }),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  /** False while suites are still running or when the run was interrupted. */
  complete: z.boolean(),
  /** The machine measured on; in a merged report, the first runner's. */
  environment: EnvironmentSchema,
  /** Present in merged reports only: every runner, in the order merged (the first is `environment`). */
  runners: z.array(RunnerSchema).min(1).optional(),
  config: RunConfigSchema,
  fixtures: z.array(FixtureSchema),
  strategies: z.array(StrategyResultSchema),
  /** Strategy runs that threw inside the harness: recorded, never dropped. */
  errors: z.array(StrategyErrorSchema),
  /** The load suite (closed loop, autocannon), when it ran. */
  load: LoadSectionSchema.optional(),
  /** The open-loop suite, when it ran. */
  open: OpenSectionSchema.optional(),
  micro: MicroSectionSchema.optional(),
  scale: ScaleSectionSchema.optional(),
});
export type Report = z.infer<typeof ReportSchema>;
