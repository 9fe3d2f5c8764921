// The strategy suite: every fixture × strategy × k, each row measured on its own client session.
import type { ClientName } from '../../clients/index.ts';
import type { LoadedFixture } from '../../run/fixtures.ts';
import type { StrategyError, StrategyResult } from '../../model/records.ts';
import type { StrategyName } from '../../strategies/index.ts';
import type { AttemptOptions } from '../../request/attempt.ts';
import type { RetryPolicy } from '../../request/retry.ts';
import { runStrategyRow } from './run-row.ts';
import { planRows, rowLabel } from './plan.ts';
import { runVariantRow, type RunRecorder } from '../../bench/variant-row.ts';

export interface VariantRunSettings {
  recorder: RunRecorder;
  /** A run still unsettled after this many ms is aborted and counted as failed. */
  timeoutMs: number;
  serverRequestsReceived?: () => number;
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
  /** Needed when a fixture has variants (a bench file's own code). */
  variants?: VariantRunSettings;
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
  const runsPerRow = options.iterations + options.warmup;
  for (const fixture of options.fixtures) {
    const fixtureResults: Omit<StrategyResult, 'speedup'>[] = [];
    const fixtureErrors: StrategyError[] = [];
    for (const [i, row] of rows.entries()) {
      if (row.fixture !== fixture.name) continue;
      if (options.signal?.aborted) break;
      const label = rowLabel(row);
      options.onProgress?.({ kind: 'row-start', label, row: i, rows: rows.length, runsPerRow });
      let run = 0;
      try {
        fixtureResults.push(
          await runStrategyRow(row, {
            client: options.client,
            iterations: options.iterations,
            warmup: options.warmup,
            timeoutMs: options.timeoutMs,
            ...(options.retry ? { retry: options.retry } : {}),
            ...(options.beforeTry ? { beforeTry: options.beforeTry } : {}),
            ...(options.signal ? { signal: options.signal } : {}),
            onRun: ({ wallMs }) => options.onProgress?.({ kind: 'run', label, row: i, rows: rows.length, run: ++run, runsPerRow, wallMs }),
          }),
        );
      } catch (error) {
        if (options.signal?.aborted) break;
        fixtureErrors.push({
          fixture: row.fixture,
          name: row.strategy,
          concurrency: row.concurrency,
          client: options.client,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
    for (const [name, spec] of Object.entries(fixture.variants ?? {})) {
      if (options.signal?.aborted) break;
      const label = `${fixture.name}/${name}`;
      options.onProgress?.({ kind: 'row-start', label, row: rows.length, rows: rows.length, runsPerRow });
      let run = 0;
      try {
        if (!options.variants) throw new Error('variants need a request recorder');
        fixtureResults.push(
          await runVariantRow({
            bench: fixture.name,
            name,
            spec,
            baseUrl: new URL(options.baseUrl).origin,
            urls: fixture.paths.map((path) => `${new URL(options.baseUrl).origin}${path}`),
            iterations: options.iterations,
            warmup: options.warmup,
            variantTimeoutMs: options.variants.timeoutMs,
            recorder: options.variants.recorder,
            ...(options.variants.serverRequestsReceived ? { serverRequestsReceived: options.variants.serverRequestsReceived } : {}),
            ...(options.signal ? { signal: options.signal } : {}),
            onRun: ({ wallMs }) => options.onProgress?.({ kind: 'run', label, row: rows.length, rows: rows.length, run: ++run, runsPerRow, wallMs }),
          }),
        );
      } catch (error) {
        if (options.signal?.aborted) break;
        fixtureErrors.push({ fixture: fixture.name, name, concurrency: null, client: 'own code', error: error instanceof Error ? error.message : String(error) });
      }
    }
    const done = withSpeedup(fixtureResults);
    results.push(...done);
    errors.push(...fixtureErrors);
    await options.onFixtureDone?.(done, fixtureErrors);
    if (options.signal?.aborted) break;
  }
  return { results, errors };
}

/** Speedup is sequential's median wall over each row's, within one fixture and client. */
export function withSpeedup(rows: readonly Omit<StrategyResult, 'speedup'>[]): StrategyResult[] {
  const sequential = rows.find((row) => row.name === 'sequential');
  return rows.map((row) => ({ ...row, speedup: sequential ? sequential.wallMs.p50 / row.wallMs.p50 : null }));
}
