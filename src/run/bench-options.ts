// The library's runBench: the same run as the CLI's, with every setting optional and defaulted, and
// URL sets given in code. No printing and no files: the report is returned (and handed to onReport).
import { DEFAULT_STRATEGIES } from '../strategies/index.ts';
import type { Report } from '../model/report.ts';
import { DEFAULT_URL_FILES, RUN_DEFAULTS } from './defaults.ts';
import { loadFixture, parseFixture, type LoadedFixture } from './fixtures.ts';
import { runBench as runSuites, type RunOptions } from './run-bench.ts';
import type { UrlEntry } from '../bench/definition.ts';
import type { PriceTable } from '../model/prices.ts';

/** A URL set given in code: paths (or URLs, of which only path and query are kept) on the run's server,
 *  or requests with a method, a JSON body and headers. */
export interface UrlSet {
  name?: string;
  description?: string;
  urls: UrlEntry[];
  /** k values for pool and batched (default [2]). */
  concurrency?: number[];
  /** USD per million input/output tokens per model: streamed LLM answers' rows get a cost. */
  prices?: PriceTable;
}

export type BenchOptions = Partial<Omit<RunOptions, 'fixtures'>> & {
  /** URL sets in code; default: the lesson's and the agent fan-out's (fixtures/). */
  urlSets?: UrlSet[];
  /** URL sets already loaded (e.g. with loadFixture); used before urlSets. */
  fixtures?: LoadedFixture[];
};

/** Runs the chosen suites (default: strategies) and resolves with the typed report. */
export async function runBench(options: BenchOptions = {}): Promise<Report> {
  const fixtures =
    options.fixtures ??
    (options.urlSets
      ? options.urlSets.map((set, i) => parseFixture(set, `urlSets[${i}]`, set.name ?? `set${i + 1}`))
      : await Promise.all(DEFAULT_URL_FILES.map(loadFixture)));
  return runSuites({
    ...options,
    suites: options.suites ?? ['strategies'],
    fixtures,
    strategies: options.strategies ?? [...DEFAULT_STRATEGIES],
    concurrency: options.concurrency ?? null,
    client: options.client ?? RUN_DEFAULTS.client,
    iterations: options.iterations ?? RUN_DEFAULTS.iterations,
    warmup: options.warmup ?? RUN_DEFAULTS.warmup,
    timeScale: options.timeScale ?? RUN_DEFAULTS.timeScale,
    timeoutMs: options.timeoutMs ?? RUN_DEFAULTS.timeoutMs,
  });
}
