// The strategy suite: every fixture × strategy × k, each row measured on its own client session.
import type { ClientName } from '../../clients/index.ts';
import type { LoadedFixture } from '../../run/fixtures.ts';
import type { StrategyError, StrategyResult } from '../../model/records.ts';
import type { StrategyName } from '../../strategies/index.ts';
import type { AttemptOptions } from '../../request/attempt.ts';
import type { RetryPolicy } from '../../request/retry.ts';
import { runStrategyRow } from './run-row.ts';
import { planRows, rowLabel, type StrategyRow } from './plan.ts';
import { runVariantRow, VARIANT_CLIENT, type RunRecorder } from '../../bench/variant-row.ts';
import type { Slo } from '../../llm/slo.ts';
import type { BenchServerOptions } from '../../bench/definition.ts';
import type { PriceTable } from '../../model/prices.ts';

export interface FixtureServer {
  url: string;
  requestsReceived(): number;
  close(): Promise<void>;
}

export interface VariantRunSettings {
  recorder: RunRecorder;
  /** A run still unsettled after this many ms is aborted and counted as failed. */
  timeoutMs: number;
  serverRequestsReceived?: () => number;
  slo?: { text: string; slo: Slo };
}

export interface StrategySuiteOptions {
  baseUrl: string;
  fixtures: readonly LoadedFixture[];
  strategies: readonly StrategyName[];
  /** k values for pool/batched; null means each fixture's own list. */
  concurrency: readonly number[] | null;
  client: ClientName;
  iterations: number;
  warmup: number;
  timeoutMs: number;
  /** The policy of retrying strategies (pool-retry). */
  retry?: RetryPolicy;
  /** Awaited before every try: the request-rate cap for remote targets. */
  beforeTry?: AttemptOptions['beforeTry'];
  signal?: AbortSignal;
  onProgress?: (event: StrategyProgress) => void;
  /** Starts a delay server of a bench's own (its `server` settings); needed when a bench has them. */
  startServer?: (settings: BenchServerOptions) => Promise<FixtureServer>;
  /** Needed when a fixture has variants (a bench file's own code). */
  variants?: VariantRunSettings;
  /** SLOs for streamed LLM answers of the built-in strategies' rows (--slo). */
  slo?: { text: string; slo: Slo };
  /** --prices: wins per model over a URL set's own prices, for strategy rows and variants alike. */
  prices?: PriceTable;
  /** Called once a fixture's rows are all done, so results can be saved before the next one. */
  onFixtureDone?: (results: StrategyResult[], errors: StrategyError[]) => Promise<void>;
}

export type StrategyProgress =
  | { kind: 'row-start'; label: string; row: number; rows: number; runsPerRow: number }
  | { kind: 'run'; label: string; row: number; rows: number; run: number; runsPerRow: number; wallMs: number };

export async function runStrategySuite(options: StrategySuiteOptions): Promise<{ results: StrategyResult[]; errors: StrategyError[] }> {
  const rows = planRows(options.fixtures, options.strategies, options.concurrency, options.baseUrl);
  const results: StrategyResult[] = [];
  const errors: StrategyError[] = [];
  for (const fixture of options.fixtures) {
    // A bench with server settings of its own runs against a server of its own.
    if (fixture.server && !options.startServer) throw new Error(`bench ${fixture.name} needs a server of its own, which this target cannot start`);
    const ownServer = fixture.server && options.startServer ? await options.startServer(fixture.server) : null;
    let fixtureRows: { results: Omit<StrategyResult, 'speedup'>[]; errors: StrategyError[] };
    try {
      fixtureRows = await runFixtureRows(fixture, rows, options, ownServer);
    } finally {
      await ownServer?.close();
    }
    const done = withSpeedup(fixtureRows.results);
    results.push(...done);
    errors.push(...fixtureRows.errors);
    await options.onFixtureDone?.(done, fixtureRows.errors);
    if (options.signal?.aborted) break;
  }
  return { results, errors };
}

/** One URL set's rows: its strategies, then its variants, against `ownServer` when it has one. */
async function runFixtureRows(
  fixture: LoadedFixture,
  rows: readonly StrategyRow[],
  options: StrategySuiteOptions,
  ownServer: FixtureServer | null,
): Promise<{ results: Omit<StrategyResult, 'speedup'>[]; errors: StrategyError[] }> {
  const results: Omit<StrategyResult, 'speedup'>[] = [];
  const errors: StrategyError[] = [];
  const runsPerRow = options.iterations + options.warmup;
  // Origin + path, never URL resolution: a path can only ever name a resource on the target.
  const origin = new URL(ownServer?.url ?? options.baseUrl).origin;
  const urls = fixture.paths.map((path) => `${origin}${path}`);
  const progress = (label: string, row: number) => {
    let run = 0;
    options.onProgress?.({ kind: 'row-start', label, row, rows: rows.length, runsPerRow });
    return ({ wallMs }: { wallMs: number }) => options.onProgress?.({ kind: 'run', label, row, rows: rows.length, run: ++run, runsPerRow, wallMs });
  };
  const failed = (name: string, concurrency: number | null, client: string, error: unknown): void => {
    errors.push({ fixture: fixture.name, name, concurrency, client, error: error instanceof Error ? error.message : String(error) });
  };
  // The URL set's prices, --prices winning per model; strategy rows and variants alike.
  const prices = fixture.prices || options.prices ? { ...fixture.prices, ...options.prices } : null;
  for (const [i, planned] of rows.entries()) {
    if (planned.fixture !== fixture.name) continue;
    if (options.signal?.aborted) return { results, errors };
    const row = { ...planned, urls };
    const onRun = progress(rowLabel(row), i);
    try {
      results.push(
        await runStrategyRow(row, {
          client: options.client,
          iterations: options.iterations,
          warmup: options.warmup,
          timeoutMs: options.timeoutMs,
          ...(options.retry ? { retry: options.retry } : {}),
          ...(options.beforeTry ? { beforeTry: options.beforeTry } : {}),
          ...(options.signal ? { signal: options.signal } : {}),
          ...(options.slo ? { slo: options.slo } : {}),
          ...(prices ? { prices } : {}),
          onRun,
        }),
      );
    } catch (error) {
      if (options.signal?.aborted) return { results, errors };
      failed(row.strategy, row.concurrency, options.client, error);
    }
  }
  const requestsReceived = ownServer ? () => ownServer.requestsReceived() : options.variants?.serverRequestsReceived;
  for (const [name, spec] of Object.entries(fixture.variants ?? {})) {
    if (options.signal?.aborted) break;
    const onRun = progress(`${fixture.name}/${name}`, rows.length);
    try {
      if (!options.variants) throw new Error('variants need a request recorder');
      results.push(
        await runVariantRow({
          bench: fixture.name,
          name,
          spec,
          baseUrl: origin,
          urls,
          iterations: options.iterations,
          warmup: options.warmup,
          variantTimeoutMs: options.variants.timeoutMs,
          ...(options.variants.slo ? { slo: options.variants.slo } : {}),
          ...(prices ? { prices } : {}),
          recorder: options.variants.recorder,
          ...(requestsReceived ? { serverRequestsReceived: requestsReceived } : {}),
          ...(options.signal ? { signal: options.signal } : {}),
          onRun,
        }),
      );
    } catch (error) {
      if (options.signal?.aborted) break;
      failed(name, null, VARIANT_CLIENT, error);
    }
  }
  return { results, errors };
}

/** Speedup is sequential's median wall over each row's, within one fixture and client. */
export function withSpeedup(rows: readonly Omit<StrategyResult, 'speedup'>[]): StrategyResult[] {
  const sequential = rows.find((row) => row.name === 'sequential');
  return rows.map((row) => ({ ...row, speedup: sequential ? sequential.wallMs.p50 / row.wallMs.p50 : null }));
}
