// Scheduler overhead: each strategy over in-process tasks that resolve at once, no network,
// so what is measured is the strategy's own bookkeeping per task.
import { Bench } from 'tinybench';
import { strategies, type Attempt, type Strategy } from '../../strategies/index.ts';
import { linkedAbort } from '../../util/abort.ts';
import { schedulerLabel, schedulerResults, type SchedulerRun } from './adapt.ts';
import { benchOptions, MICRO_DEFAULTS } from './options.ts';

export interface SchedulerOptions {
  timeMs: number;
  tasks?: readonly number[];
  /** Strategies to measure, by name; the registry unless a test hands in its own. */
  strategies?: Readonly<Record<string, Strategy>>;
  concurrency?: number;
  signal?: AbortSignal;
}

const immediate: Attempt = async (index) => index;

export async function measureSchedulers(options: SchedulerOptions): Promise<ReturnType<typeof schedulerResults>> {
  const k = options.concurrency ?? MICRO_DEFAULTS.schedulerConcurrency;
  // A retrying strategy schedules exactly like its plain twin (retries live in the harness): measured once.
  const candidates = Object.entries(options.strategies ?? strategies).filter(([, strategy]) => strategy.retries !== true);
  const plan = candidates.flatMap(([name, strategy]) =>
    (options.tasks ?? MICRO_DEFAULTS.schedulerTasks).map((tasks) => ({ name, strategy, concurrency: strategy.takesConcurrency ? k : null, tasks })),
  );
  const benchAbort = linkedAbort(options.signal);
  const bench = new Bench(benchOptions(options.timeMs, benchAbort.signal));
  for (const row of plan) {
    bench.add(schedulerLabel({ strategy: row.name, concurrency: row.concurrency, tasks: row.tasks }), async () => {
      const results = await row.strategy.run(row.tasks, immediate, k);
      if (!Array.isArray(results) || results.length !== row.tasks) throw new Error(`${row.name} returned ${String((results as unknown[] | undefined)?.length)} of ${row.tasks} results`);
    });
  }
  try {
    await bench.run();
  } finally {
    benchAbort.unlink();
  }
  return schedulerResults(
    plan.map((row): SchedulerRun => ({
      strategy: row.name,
      concurrency: row.concurrency,
      tasks: row.tasks,
      result: bench.getTask(schedulerLabel({ strategy: row.name, concurrency: row.concurrency, tasks: row.tasks }))?.result,
    })),
  );
}
