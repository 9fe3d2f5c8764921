// The load suite's section of the result model (closed loop, autocannon): composed into the report by src/model/report.ts.
import { z } from 'zod';
import { GeneratorBoundFields } from '../../model/bottleneck.ts';

export const LatencySummaryMsSchema = z.object({
  mean: z.number(),
  p50: z.number(),
  p90: z.number(),
  p99: z.number(),
  p999: z.number(),
  max: z.number(),
});
export type LatencySummaryMs = z.infer<typeof LatencySummaryMsSchema>;

export const GeneratorLoadSchema = z.object({
  /** CPU time of the generator process over the measured run, as a share of one core. */
  cpuFraction: z.number().nonnegative(),
  eventLoopUtilization: z.number().min(0).max(1),
  /** Event-loop delay beyond the sampling interval, p99. */
  eventLoopDelayP99Ms: z.number().nonnegative(),
  /** CPU or loop utilisation at or above the saturation threshold: the figures may be the generator's limit, not the server's. */
  saturated: z.boolean(),
});
export type GeneratorLoad = z.infer<typeof GeneratorLoadSchema>;

/** One autocannon run against one server. */
export const LoadMeasurementSchema = z.object({
  state: z.literal('measured'),
  durationS: z.number().nonnegative(),
  /** Responses received (any status) and requests sent. */
  completed: z.int().nonnegative(),
  sent: z.int().nonnegative(),
  requestsPerSec: z.number().nonnegative(),
  bytesPerSec: z.number().nonnegative(),
  /** Null when no response arrived. */
  latencyMs: LatencySummaryMsSchema.nullable(),
  /** HdrHistogram of latency in ms (1 ms resolution, as autocannon records it), compressed base64: merge runs with hdr-histogram-js. */
  latencyHistogram: z.string(),
  errors: z.int().nonnegative(),
  timeouts: z.int().nonnegative(),
  non2xx: z.int().nonnegative(),
  /** CPU time of the process serving the requests, per completed request; null with none completed. */
  serverCpuUsPerRequest: z.number().nonnegative().nullable(),
  generator: GeneratorLoadSchema,
});
export type LoadMeasurement = z.infer<typeof LoadMeasurementSchema>;

export const LoadFailureSchema = z.object({ state: z.literal('failed'), error: z.string() });

export const LoadOutcomeSchema = z.discriminatedUnion('state', [LoadMeasurementSchema, LoadFailureSchema]);
export type LoadOutcome = z.infer<typeof LoadOutcomeSchema>;

/** One sweep point: the delay server and the bare server under the same endpoint and connections. */
export const LoadPointSchema = z.object({
  endpoint: z.string(),
  connections: z.int().positive(),
  /** The delay the server serves per request, after the time scale; null for endpoints without one. */
  delayMs: z.number().nonnegative().nullable(),
  /** Little's law: a closed loop of `connections` cannot exceed connections / delay. */
  littleLimitPerSec: z.number().positive().nullable(),
  delayServer: LoadOutcomeSchema,
  bare: LoadOutcomeSchema,
  /** Delay-server req/s over the Little limit. */
  littleEfficiency: z.number().nullable(),
  /** Delay-server req/s over bare req/s: 1 means the delay server costs nothing. */
  serverRatio: z.number().nullable(),
  /** Delay-server req/s over bare req/s in each interleaved pair of runs, in run order (absent in merged reports). */
  pairRatios: z.array(z.number().nonnegative()).optional(),
  /** The median of pairRatios: on a noisy machine, steadier than serverRatio; null when no pair completed on both sides. */
  pairRatioMedian: z.number().nonnegative().nullable().optional(),
  /** Bare-server CPU per request over the delay server's in each pair (above 1 favours the delay server): the req/s
   *  ratio two CPU-bound servers would reach, steady when other processes take the cores and req/s swings. */
  pairCpuRatios: z.array(z.number().nonnegative()).optional(),
  /** The median of pairCpuRatios; null when no pair completed on both sides. */
  pairCpuRatioMedian: z.number().nonnegative().nullable().optional(),
  ...GeneratorBoundFields,
});
export type LoadPoint = z.infer<typeof LoadPointSchema>;

export const LoadSectionSchema = z.object({
  engine: z.object({ name: z.literal('autocannon'), version: z.string() }),
  /** Closed loop: each connection waits for its response before sending the next request. */
  loop: z.literal('closed'),
  /** Where the generator runs: never on the event loop of the server under test. */
  generator: z.enum(['child-process', 'worker-thread']),
  /** Unmeasured seconds per endpoint and server before the sweep (JIT warm-up). */
  preWarmS: z.number().nonnegative(),
  /** Unmeasured seconds before each measured run, on its own connections. */
  warmupS: z.number().nonnegative(),
  /** Measured seconds per point and server, split over measuredRuns runs. */
  durationS: z.number().positive(),
  /** Runs per point and server (pairs), interleaved delay, bare, bare, delay, …; their histograms and counts are merged. */
  measuredRuns: z.int().positive(),
  timeoutS: z.number().positive(),
  timeScale: z.number().positive(),
  /** A point's generator counts as saturated at this share of one core or of its event loop. */
  saturationThreshold: z.number().positive(),
  connections: z.array(z.int().positive()),
  endpoints: z.array(z.string()),
  /** Requests per second each generator run was capped at (autocannon overallRate, latency uncorrected); absent = uncapped. */
  maxRatePerSec: z.number().positive().optional(),
  points: z.array(LoadPointSchema),
});
export type LoadSection = z.infer<typeof LoadSectionSchema>;
