// Orchestrates one run: the delay server up, each chosen suite in turn, the report assembled.
// It measures and assembles; it never prints or writes files: onReport hands each snapshot to the CLI.
import type { ClientName } from './clients/index.ts';
import { captureEnvironment } from './environment.ts';
import type { LoadedFixture } from './fixtures.ts';
import { SCHEMA_VERSION, type Report } from './model.ts';
import { startDelayServer } from './server/index.ts';
import type { StrategyName } from './strategies/index.ts';
import type { LoadOptions } from './suites/load/options.ts';
import type { OpenOptions } from './suites/open/options.ts';
import { suites, type SuiteName } from './suites/index.ts';
import { RETRY_DEFAULTS, type RetryPolicy } from './suites/strategies/retry.ts';
import { TOOL_VERSION } from './version.ts';

export interface RunOptions {
  suites: SuiteName[];
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
  /** Base URL to measure instead of the local delay server; the CLI has checked it (src/safety.ts). */
  target?: string;
  /** Caps request starts per second across the run (set for remote targets). */
  rateCapPerSec?: number;
  /** Load and open-loop suites: requests per second per runner (--max-rate; required for remote targets). */
  maxRatePerSec?: number;
  /** Runners loading the same target at once (--runners), for the report and the stated total. */
  runners?: number;
  /** Load suite settings; its defaults when absent. */
  load?: LoadOptions;
  /** Open-loop suite settings; its defaults when absent. */
  open?: OpenOptions;
  /** micro suite: tinybench time budget per task (default in suites/micro/options.ts). */
  microTimeMs?: number;
  /** scale suite: skip points whose ideal exceeds this (default in suites/scale/options.ts). */
  scaleBudgetS?: number;
  signal?: AbortSignal;
  /** A line describing what is being measured now, for a progress display. */
  onProgress?: (text: string) => void;
  /** Receives the report after each step (complete: false) and at the end (complete: true). */
  onReport?: (report: Report) => Promise<void>;
}

export type RetryPolicyOptions = Omit<RetryPolicy, 'seed'>;

export function emptyReport(options: RunOptions): Report {
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'fanout-bench', version: TOOL_VERSION },
    startedAt: new Date().toISOString(),
    finishedAt: null,
    complete: false,
    environment: captureEnvironment(),
    config: {
      suites: options.suites,
      client: options.client,
      strategies: options.strategies,
      concurrency: options.concurrency,
      iterations: options.iterations,
      warmup: options.warmup,
      timeScale: options.timeScale,
      timeoutMs: options.timeoutMs,
      target: options.target ?? 'local delay server',
      ...(options.maxRatePerSec === undefined ? {} : { maxRatePerSec: options.maxRatePerSec, runners: options.runners ?? 1 }),
      seed: options.seed ?? 1,
      retry: { ...RETRY_DEFAULTS, ...options.retry },
    },
    fixtures: options.fixtures.map((f) => ({ name: f.name, description: f.description, urls: f.paths })),
    strategies: [],
    errors: [],
  };
}

export async function runBench(options: RunOptions): Promise<Report> {
  const report = emptyReport(options);
  const save = async (): Promise<void> => options.onReport?.(report);
  const server = options.target === undefined ? await startDelayServer({ timeScale: options.timeScale, seed: options.seed ?? 1 }) : null;
  try {
    for (const name of options.suites) {
      if (options.signal?.aborted) break;
      try {
        await suites[name].run({
          baseUrl: server?.url ?? options.target ?? '',
          options,
          report,
          save,
          progress: (text) => options.onProgress?.(`${name}: ${text}`),
        });
      } catch (error) {
        if (options.signal?.aborted) break;
        // A suite that throws is recorded like a failed strategy row; the suites after it still run.
        const message = error instanceof Error ? error.message : String(error);
        report.errors.push({ fixture: '', name: `suite:${name}`, concurrency: null, client: options.client, error: message });
      }
      await save();
    }
  } finally {
    await server?.close();
  }
  report.finishedAt = new Date().toISOString();
  report.complete = !options.signal?.aborted;
  await save();
  return report;
}
