// The result model's records: requests, rows, environment, configuration and the report's core. Each
// suite's own section lives in its folder; model/report.ts puts them together into the one schema.
// Every time is in milliseconds on one monotonic clock; every size is in bytes.
import { z } from 'zod';
import { LlmCostSchema } from './prices.ts';

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
  /** The method used: by a variant (user code), or by a URL set's request entry. */
  method: z.string().optional(),
  /** Still in flight when the variant's promise settled: not awaited by the code under test. Its end is
   *  the settle time and its outcome network-error LEAKED; nothing after that was observed. */
  leaked: z.literal(true).optional(),
  /** What the recorder could not observe about this request, one reason each. */
  incomplete: z.array(z.string()).optional(),
  /** Body chunks as they arrived (ms from run start, bytes), where the client stack publishes them. */
  chunks: z.array(z.object({ atMs: z.number(), bytes: z.int().nonnegative() })).optional(),
  /** A streamed LLM answer, measured on the client: tokens counted in the content, not per chunk. */
  stream: z
    .object({
      ttftMs: z.number().nullable(),
      e2eMs: z.number().nullable(),
      tpotMs: z.number().nullable(),
      outputTokens: z.int().nonnegative(),
      outputTokensPerSec: z.number().nullable(),
      finishReason: z.string().nullable(),
      /** An error event inside the stream, or a stream that ended before its last event. */
      error: z.string().nullable(),
      /** Where outputTokens comes from: the provider's usage, or counted in the content (a cut stream, no usage sent). */
      outputTokensFrom: z.enum(['usage', 'content']).optional(),
      /** Prompt tokens as the stream reports them (OpenAI's usage chunk, Anthropic's message_start); null when it did not. */
      inputTokens: z.int().nonnegative().nullable().optional(),
      /** The model named in the answer; null when the stream named none. */
      model: z.string().nullable().optional(),
    })
    .optional(),
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

/** A variant's schedule is its own: what its recorded timeline proves, beside the ideal. */
export const VariantFactsSchema = z.object({
  /** Where idealMs comes from: the schedule the variant declared, or the lower bound (all in parallel). */
  idealBasis: z.enum(['declared', 'lower-bound']),
  /** The declared schedule, e.g. "all", "sequential", "pool(3)", "batched(3)"; absent for a lower bound. */
  declared: z.string().optional(),
  /** Longest service time in the median run: no schedule can finish sooner. */
  lowerBoundMs: z.number(),
  /** Sum of service times in the median run: one request after another. */
  sequentialMs: z.number(),
  /** Most requests in flight at once in the median run. */
  maxInFlight: z.int().nonnegative(),
  /** Time-weighted mean of requests in flight over the median run's wall. */
  meanInFlight: z.number().nonnegative(),
  /** Time inside the median run with nothing in flight: the code waiting on itself. */
  idleMs: z.number().nonnegative(),
  /** Requests per measured run: median, min, max. */
  requestsPerRun: z.object({ p50: z.number(), min: z.int().nonnegative(), max: z.int().nonnegative() }),
  /** Requests still in flight when the variant settled, over all measured runs. */
  leaked: z.int().nonnegative(),
  /** Requests the recorder saw only in part, over all measured runs. */
  incomplete: z.int().nonnegative(),
  /** Requests the server received during measured runs beyond those recorded (a client stack the recorder
   *  cannot see); null when the server's count is not available (another --target). */
  unrecorded: z.int().nonnegative().nullable(),
  /** Runs that threw or did not settle in time: kept with their requests, left out of wallMs. */
  failedRuns: z.array(z.object({ iteration: z.int().nonnegative(), warmup: z.boolean(), error: z.string(), requests: z.int().nonnegative() })),
});
export type VariantFacts = z.infer<typeof VariantFactsSchema>;

const QuantilesSchema = z.object({ p50: z.number(), p99: z.number() });
const PredictedMeasuredSchema = z.object({ predictedMs: z.number(), measuredMs: z.number() });

/** A row's streamed LLM calls, measured on the client (vLLM's definitions), when it made any. */
export const LlmRowSchema = z.object({
  /** Streamed answers measured, over all measured runs. */
  streamed: z.int().nonnegative(),
  ttftMs: QuantilesSchema,
  /** Per token, over every streamed answer. */
  itlMs: QuantilesSchema,
  tpotMs: QuantilesSchema,
  e2eMs: QuantilesSchema,
  /** Median over streamed answers of output tokens ÷ E2E. */
  outputTokensPerSec: z.number(),
  outputTokens: z.int().nonnegative(),
  /** 429 answers (rate limited) and 503/529 (overloaded) over all measured runs. */
  rateLimited: z.int().nonnegative(),
  overloaded: z.int().nonnegative(),
  /** Streams that carried an error event or were cut. */
  streamErrors: z.int().nonnegative(),
  /** Share of requests meeting every SLO, and good requests per second of measured wall (--slo). */
  goodput: z.object({ slo: z.string(), good: z.int().nonnegative(), total: z.int().nonnegative(), goodShare: z.number(), goodPerSec: z.number() }).optional(),
  /** The slowest of the N streamed calls of a run: predicted from the single-call distribution
   *  (p-quantile of the max = single-call quantile at p^(1/N)) beside the measured one. */
  slowestOfN: z
    .object({
      n: z.int().positive(),
      runs: z.int().positive(),
      e2e: z.object({ p50: PredictedMeasuredSchema, p99: PredictedMeasuredSchema }),
      ttft: z.object({ p50: PredictedMeasuredSchema, p99: PredictedMeasuredSchema }),
    })
    .optional(),
  /** Cost at the run's prices (a bench's, a URL set's, --prices); absent without a price table. */
  cost: LlmCostSchema.optional(),
  /** Waste: streamed answers paid for and not used (cancelled, cut or errored, leaked), over all measured runs. */
  wastedRequests: z.int().nonnegative().optional(),
  /** Output tokens those answers carried before they ended (usage where reported, else counted in the content). */
  wastedOutputTokens: z.int().nonnegative().optional(),
  /** Their prompt tokens, summed where reported; null when none reported them (OpenAI sends usage only at the end). */
  wastedInputTokens: z.int().nonnegative().nullable().optional(),
  /** Wasted answers whose prompt tokens are not in wastedInputTokens. */
  wastedInputUnknown: z.int().nonnegative().optional(),
});
export type LlmRow = z.infer<typeof LlmRowSchema>;

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
  /** "variant" for the user's own code from a bench file; absent for a built-in strategy. */
  kind: z.literal('variant').optional(),
  variant: VariantFactsSchema.optional(),
  llm: LlmRowSchema.optional(),
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
  /** A bench file's server of its own: its time scale (the run's × the bench's) and LLM limits. */
  server: z
    .object({
      timeScale: z.number().positive(),
      llm: z.object({ rpm: z.int().nonnegative().optional(), tpm: z.int().nonnegative().optional(), preset: z.string().optional() }).optional(),
    })
    .optional(),
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
  /** The simulated LLM API of the run's own delay server, when run was given --llm-* flags. */
  llm: z
    .object({
      rpm: z.int().nonnegative().optional(),
      tpm: z.int().nonnegative().optional(),
      preset: z.string().optional(),
      maxOutputTokens: z.int().positive().optional(),
    })
    .optional(),
});
export type RunConfig = z.infer<typeof RunConfigSchema>;

/** What every report holds, whatever suites ran; each suite's section is added in model/report.ts. */
export const ReportCoreSchema = z.object({
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
  /** Every measured row: one per URL set × strategy × k × client. */
  strategies: z.array(StrategyResultSchema),
  /** Rows and suites that threw inside the harness: recorded, never dropped. */
  errors: z.array(StrategyErrorSchema),
});
export type ReportCore = z.infer<typeof ReportCoreSchema>;
