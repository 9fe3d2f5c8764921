// Orchestrates one run: the delay server up (unless a target is given), the suites, the report.
// It measures and assembles; it never prints or writes files: onReport hands each snapshot to the CLI.
import type { ClientName } from './clients/index.ts';
import { captureEnvironment } from './environment.ts';
import type { LoadedFixture } from './fixtures.ts';
import { SCHEMA_VERSION, type Report } from './model.ts';
import { startDelayServer } from './server/index.ts';
import type { StrategyName } from './strategies/index.ts';
import { runStrategySuite, type StrategyProgress } from './suites/strategies/index.ts';
import { TOOL_VERSION } from './version.ts';

export interface RunOptions {
  fixtures: LoadedFixture[];
  strategies: StrategyName[];
  concurrency: number[] | null;
  client: ClientName;
  iterations: number;
  warmup: number;
  timeScale: number;
  timeoutMs: number;
  signal?: AbortSignal;
  onProgress?: (event: StrategyProgress) => void;
  /** Receives the report after each fixture (complete: false) and at the end (complete: true). */
  onReport?: (report: Report) => Promise<void>;
}

export async function runBench(options: RunOptions): Promise<Report> {
  const server = await startDelayServer({ timeScale: options.timeScale });
  const report: Report = {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'fanout-bench', version: TOOL_VERSION },
    startedAt: new Date().toISOString(),
    finishedAt: null,
    complete: false,
    environment: captureEnvironment(),
    config: {
      client: options.client,
      strategies: options.strategies,
      concurrency: options.concurrency,
      iterations: options.iterations,
      warmup: options.warmup,
      timeScale: options.timeScale,
      timeoutMs: options.timeoutMs,
      target: 'local delay server',
    },
    fixtures: options.fixtures.map((f) => ({ name: f.name, description: f.description, urls: f.paths })),
    strategies: [],
    errors: [],
  };
  try {
    await runStrategySuite({
      baseUrl: server.url,
      fixtures: options.fixtures,
      strategies: options.strategies,
      concurrency: options.concurrency,
      client: options.client,
      iterations: options.iterations,
      warmup: options.warmup,
      timeoutMs: options.timeoutMs,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      onFixtureDone: async (results, errors) => {
        report.strategies.push(...results);
        report.errors.push(...errors);
        await options.onReport?.(report);
      },
    });
  } finally {
    await server.close();
  }
  report.finishedAt = new Date().toISOString();
  report.complete = !options.signal?.aborted;
  await options.onReport?.(report);
  return report;
}
