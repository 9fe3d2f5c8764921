// Orchestrates one run: the delay server up, each chosen suite in turn, the report assembled.
// It measures and assembles; it never prints or writes files: onReport hands each snapshot to the CLI.
import { captureEnvironment } from './environment.ts';
import type { StrategyError, StrategyResult } from '../model/records.ts';
import { SCHEMA_VERSION, type Report } from '../model/report.ts';
import { RETRY_DEFAULTS } from '../request/retry.ts';
import { suites, type SuiteName, type SuiteOptions } from '../suites/index.ts';
import type { AnySuite, CommonOptions } from '../suites/suite.ts';
import { TOOL_VERSION } from '../model/version.ts';
import type { LlmOptions } from '../server/llm/state.ts';

export interface RunOptions extends CommonOptions {
  suites: SuiteName[];
  /** Each suite's own settings by suite name; a suite absent here runs with its defaults. */
  suiteOptions?: Partial<SuiteOptions>;
  /** A line describing what is being measured now, for a progress display. */
  onProgress?: (text: string) => void;
  /** Receives the report after each step (complete: false) and at the end (complete: true). */
  onReport?: (report: Report) => Promise<void>;
  /** The simulated LLM API of the run's own delay server (rate limits, default preset, largest max_tokens);
   *  a bench's own server keeps its `server.llm`. Ignored with a `target`. */
  llm?: LlmOptions;
}

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
      ...(options.llm && options.target === undefined ? { llm: llmConfig(options.llm) } : {}),
    },
    fixtures: options.fixtures.map((f) => ({
      name: f.name,
      description: f.description,
      urls: f.paths,
      ...(f.server ? { server: { timeScale: options.timeScale * (f.server.timeScale ?? 1), ...(f.server.llm ? { llm: f.server.llm } : {}) } } : {}),
    })),
    strategies: [],
    errors: [],
  };
}

/** The LLM settings as the report keeps them: the plain values, without a clock or preset overrides. */
function llmConfig(llm: LlmOptions): NonNullable<Report['config']['llm']> {
  return {
    ...(llm.rpm === undefined ? {} : { rpm: llm.rpm }),
    ...(llm.tpm === undefined ? {} : { tpm: llm.tpm }),
    ...(llm.preset === undefined ? {} : { preset: llm.preset }),
    ...(llm.maxOutputTokens === undefined ? {} : { maxOutputTokens: llm.maxOutputTokens }),
  };
}

export async function runBench(options: RunOptions, registry: Record<string, AnySuite> = suites): Promise<Report> {
  const report = emptyReport(options);
  const sections = report as Record<string, unknown>;
  const save = async (): Promise<void> => options.onReport?.(report);
  // The server is loaded only when a run needs it, so importing the library stays cheap.
  const server =
    options.target === undefined
      ? await (await import('../server/index.ts')).startDelayServer({ timeScale: options.timeScale, seed: options.seed ?? 1, ...(options.llm ? { llm: options.llm } : {}) })
      : null;
  try {
    for (const name of options.suites) {
      if (options.signal?.aborted) break;
      const suite = registry[name];
      try {
        if (!suite) throw new Error(`no suite named ${name}`);
        await suite.run({
          baseUrl: server?.url ?? options.target ?? '',
          ...(server ? { serverRequestsReceived: () => server.requestsReceived() } : {}),
          common: options,
          options: (options.suiteOptions as Record<string, unknown> | undefined)?.[name] ?? suite.defaults(false),
          setSection: (section: unknown) => {
            sections[name] = section;
          },
          addRows: (rows: StrategyResult[], errors: StrategyError[]) => {
            report.strategies.push(...rows);
            report.errors.push(...errors);
          },
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
