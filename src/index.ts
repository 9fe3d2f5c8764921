// fanout-bench's public API: what bench files and programs import. Everything exported here is public
// and follows semver; every other module path is internal and may change in any release.
import { fileURLToPath } from 'node:url';

// The delay server.
export { startDelayServer, DELAY_SERVER_DEFAULTS, type DelayServer, type DelayServerOptions } from './server/index.ts';

// Running benches.
export { runBench, type BenchOptions, type UrlSet } from './run/bench-options.ts';
export { defineBench, type BenchDefinition, type IdealSchedule, type UrlEntry, type Variant, type VariantContext, type VariantSpec } from './bench/definition.ts';
export { loadFixture, type LoadedFixture } from './run/fixtures.ts';
export { harnessFailures } from './run/harness-failures.ts';

// Fan-out helpers for LLM calls, wrapped around the user's own calls.
export {
  rateLimitAwarePool, aimdPool, hedged, LatencyHistory, rateLimitInfo, parseGoDuration, systemClock,
  type RateLimitPoolOptions, type RateLimitPoolResult, type RateLimitTask, type RateLimitTaskContext, type RateLimitInfo, type HeadersLike,
  type AimdPoolOptions, type AimdPoolResult, type HedgeDelay, type HedgedOptions, type HedgedResult, type FanoutClock,
} from './fanout/index.ts';

// Registries and the interfaces to add to them.
export { strategies, STRATEGY_NAMES, DEFAULT_STRATEGIES, type Attempt, type Strategy, type StrategyName } from './strategies/index.ts';
export { clients, CLIENT_NAMES, type Client, type ClientResponse, type ClientSession, type ClientName } from './clients/index.ts';
export { reporters, type Reporter, type ReporterName } from './report/index.ts';
export { suites, SUITE_NAMES, type Suite, type SuiteContext, type SuiteName, type SuiteView } from './suites/index.ts';

// Comparing reports.
export { compareReports, COMPARE_DEFAULTS, type CompareOptions, type SourcedReport } from './compare/compare.ts';
export type { Comparison, MetricComparison, Verdict } from './compare/model.ts';
export { comparisonReporters } from './compare/reporters/index.ts';

// The result model.
export { ReportSchema, SCHEMA_VERSION, type Report } from './model/report.ts';
export type { Outcome, RequestRecord, StrategyResult, SampleStats, Environment, RunConfig } from './model/records.ts';
export { parseReport, reportJsonSchemaText } from './model/schema.ts';
export type { ModelPrice, PriceTable, LlmCost } from './model/prices.ts';

/** Path of the published JSON Schema of reports (also importable as 'fanout-bench/report.schema.json'). */
export const reportJsonSchemaPath: string = fileURLToPath(new URL('../schema/report.schema.json', import.meta.url));
