// Scheduler overhead: each strategy, and each limiter library real code uses instead, over in-process
// tasks that resolve at once, no network, so what is measured is the scheduler's own bookkeeping per task.
// Bounded in time: a row predicted to run longer than `maxRunMs` once is skipped (listed, with the
// prediction) instead of measured, and a row whose usual runs would take longer gets fewer of them.
import { Bench } from 'tinybench';
import { strategies, type Attempt } from '../../strategies/index.ts';
import type { SchedulerSkip } from './model.ts';
import { linkedAbort } from '../../util/abort.ts';
import { schedulerResults, type SchedulerRun } from './adapt.ts';
import type { Scheduler } from './limiters.ts';
import { benchOptions, MICRO_DEFAULTS } from './options.ts';

export interface SchedulerOptions {
  timeMs: number;
  tasks?: readonly number[];
  /** Schedulers to measure, by name; the strategy registry and the limiters unless a test hands in its own. */
  strategies?: Readonly<Record<string, Scheduler>>;
  concurrency?: number;
  /** A row whose single run is predicted to take longer is skipped; also the time a row's runs aim to fit in. */
  maxRunMs?: number;
  signal?: AbortSignal;
}

const immediate: Attempt = async (index) => index;

/** Fewest measured runs of a slow row; fast rows get MICRO_DEFAULTS.minIterations. */
const MIN_SLOW_RUNS = 3;

export async function measureSchedulers(options: SchedulerOptions): Promise<ReturnType<typeof schedulerResults> & { skipped: SchedulerSkip[] }> {
  const k = options.concurrency ?? MICRO_DEFAULTS.schedulerConcurrency;
  const maxRunMs = options.maxRunMs ?? MICRO_DEFAULTS.schedulerMaxRunMs;
  // A retrying strategy schedules exactly like its plain twin (retries live in the harness): measured once.
  // The limiter libraries load only when measured, not with every command the CLI runs.
  const schedulers = options.strategies ?? { ...strategies, ...(await import('./limiters.ts')).limiters };
  const candidates = Object.entries(schedulers).filter(([, scheduler]) => scheduler.retries !== true);
  const tiers = [...(options.tasks ?? MICRO_DEFAULTS.schedulerTasks)].sort((a, b) => a - b);
  const runs: SchedulerRun[] = [];
  const skipped: SchedulerSkip[] = [];
  /** Per-task ms of each scheduler at the last tier measured: the prediction for the next. */
  const perTaskMs = new Map<string, number>();
  const benchAbort = linkedAbort(options.signal);
  try {
    for (const tasks of tiers) {
      for (const [name, scheduler] of candidates) {
        if (benchAbort.signal.aborted) break;
        const row = { strategy: name, concurrency: scheduler.takesConcurrency ? k : null, tasks };
        const runOnce = async (): Promise<void> => {
          const results = await scheduler.run(tasks, immediate, k);
          if (!Array.isArray(results) || results.length !== tasks) throw new Error(`${name} returned ${String((results as unknown[] | undefined)?.length)} of ${tasks} results`);
        };
        const known = perTaskMs.get(name);
        let predictedMs = known === undefined ? undefined : known * tasks;
        if (predictedMs !== undefined && predictedMs > maxRunMs) {
          skipped.push({ ...row, predictedRunMs: predictedMs, maxRunMs });
          continue;
        }
        if (predictedMs === undefined) predictedMs = await probe(runOnce);
        const result = await measureRow(runOnce, options.timeMs, predictedMs, maxRunMs, benchAbort.signal);
        runs.push({ ...row, result });
        if (result?.state === 'completed' && result.latency.samplesCount > 0) perTaskMs.set(name, result.latency.mean / tasks);
      }
    }
  } finally {
    benchAbort.unlink();
  }
  return { ...schedulerResults(runs), skipped };
}

/** One untimed run (it also warms the code up); a run that throws is left for tinybench to report. */
async function probe(runOnce: () => Promise<void>): Promise<number> {
  const startMs = performance.now();
  try {
    await runOnce();
  } catch {
    return 0;
  }
  return performance.now() - startMs;
}

/** tinybench over one row; a row whose usual runs would not fit in `budgetMs` gets fewer (never under
 *  MIN_SLOW_RUNS) and a single warm-up. */
async function measureRow(runOnce: () => Promise<void>, timeMs: number, predictedMs: number, budgetMs: number, signal: AbortSignal) {
  const base = benchOptions(timeMs, signal);
  const slow = predictedMs * base.iterations > budgetMs;
  const options = slow
    ? { ...base, iterations: Math.max(MIN_SLOW_RUNS, Math.floor(budgetMs / predictedMs)), warmupIterations: 1, warmupTime: 0 }
    : base;
  const bench = new Bench(options);
  bench.add('row', runOnce);
  await bench.run();
  return bench.getTask('row')?.result;
}
