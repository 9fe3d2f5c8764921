// A Suite runs one engine (strategy runner, load generator, micro-benchmarks, …) and carries everything
// about it: its report section's schema, its options and their defaults, its flags and help, its terminal
// table, the rule for what counts as a harness failure in its section, and its compare metrics. The report
// schema, `run`'s flags and help, the terminal output, harness failures and compare loop over the registry.
import type { ParseArgsConfig } from 'node:util';
import type { z } from 'zod';
import type { Metric } from '../compare/metrics/metric.ts';
import type { ClientName } from '../clients/index.ts';
import type { ReportCore, StrategyError } from '../model/records.ts';
import type { RenderOptions } from '../report/color.ts';
import type { RetryPolicy } from '../request/retry.ts';
import type { LoadedFixture } from '../run/fixtures.ts';
import type { StrategyName } from '../strategies/index.ts';

export type RetryPolicyOptions = Omit<RetryPolicy, 'seed'>;

/** The run's settings every suite may read; a suite's own settings are its `Options`. */
export interface CommonOptions {
  fixtures: LoadedFixture[];
  strategies: StrategyName[];
  concurrency: number[] | null;
  client: ClientName;
  iterations: number;
  warmup: number;
  timeScale: number;
  timeoutMs: number;
  /** Seeds the delay server (/flaky, weighted /status) and the retry jitter (default 1). */
  seed?: number;
  /** Retry policy of retrying strategies (pool-retry); RETRY_DEFAULTS where absent. */
  retry?: Partial<RetryPolicyOptions>;
  /** Base URL to measure instead of the local delay server; the CLI has checked it (run/safety.ts). */
  target?: string;
  /** Caps request starts per second across the run (set for remote targets). */
  rateCapPerSec?: number;
  /** Load and open-loop suites: requests per second per runner (--max-rate; required for remote targets). */
  maxRatePerSec?: number;
  /** Runners loading the same target at once (--runners), for the report and the stated total. */
  runners?: number;
  signal?: AbortSignal;
}

export interface SuiteContext<Section, Options> {
  /** Base URL of the delay server started for this run (or the --target). */
  baseUrl: string;
  /** How many requests the run's delay server has received; absent for another --target. */
  serverRequestsReceived?: () => number;
  common: CommonOptions;
  options: Options;
  /** Puts this suite's section into the report (call again after changing it). */
  setSection(section: Section): void;
  /** Adds measured rows to the report's shared row list (strategy and bench rows). */
  addRows(rows: ReportCore['strategies'], errors: StrategyError[]): void;
  /** Hands a snapshot of the report to the CLI to write, so finished work survives a later abort. */
  save(): Promise<void>;
  /** A line for the progress display (shown only on a TTY). */
  progress(text: string): void;
}

/** What a suite's table, failure rule and metrics read: its own section (absent when it did not run) and the report's core. */
export interface SuiteView<Section> {
  section: Section | undefined;
  report: ReportCore;
  /** How to render: colour for failures, when the CLI turned it on. */
  render?: RenderOptions;
}

export type FlagTable = NonNullable<ParseArgsConfig['options']>;
/** Flag values as node:util parseArgs returns them. */
export type FlagValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

export interface Suite<SectionSchema extends z.ZodType | null = z.ZodType | null, Options = unknown> {
  name: string;
  description: string;
  /** The zod schema of report[name]; null for a suite that only adds rows to the shared row list. */
  section: SectionSchema;
  /** `run` flags of this suite, spread into the command's flag table. */
  flags: FlagTable;
  /** Lines for `run --help`, each starting with two spaces. */
  help: string;
  /** Options when nothing is given: `quick` is the default run's short pass (`npm run bench` with no --suite). */
  defaults(quick: boolean): Options;
  /** Validated options from flag values (throws InputError naming the flag). */
  parseOptions(values: FlagValues, quick: boolean): Options | Promise<Options>;
  run(ctx: SuiteContext<SectionOf<SectionSchema>, Options>): Promise<void>;
  /** The terminal text of this suite's results; '' when there is nothing to show. */
  render(view: SuiteView<SectionOf<SectionSchema>>): string;
  /** What failed inside the harness in this suite's results (any of them makes `run` exit 1). */
  failures(view: SuiteView<SectionOf<SectionSchema>>): string[];
  /** Comparable metrics under stable ids, for compare and thresholds. */
  metrics(view: SuiteView<SectionOf<SectionSchema>>): Metric[];
}

export type SectionOf<S extends z.ZodType | null> = S extends z.ZodType ? z.infer<S> : never;

/** Suites are stored widened; each is checked against Suite where it is defined. */
export type AnySuite = Suite<any, any>;
