// tinybench task results → the micro section of the model. Pure, so it is tested on captured results.
import type { Statistics, TaskResult } from 'tinybench';
import type { ClientStackResult, MicroError, MicroLatency, SchedulerResult } from './model.ts';
import { MICRO_DEFAULTS } from './options.ts';

/** Too noisy for a verdict: rme above MICRO_DEFAULTS.noisyRmePct. */
export const isNoisy = (latency: MicroLatency): boolean => !(latency.rme <= MICRO_DEFAULTS.noisyRmePct);

export type Sampled = { ok: true; latencyMs: MicroLatency } | { ok: false; error: string };

export function microLatency(stats: Statistics): MicroLatency {
  return {
    mean: stats.mean,
    p50: stats.p50,
    p99: stats.p99,
    min: stats.min,
    max: stats.max,
    sd: stats.sd,
    rme: stats.rme,
    samplesCount: stats.samplesCount,
  };
}

/** A completed task's latency; anything else (errored, aborted, never started) as a message. */
export function sampled(result: Readonly<TaskResult> | undefined): Sampled {
  if (result === undefined) return { ok: false, error: 'no result' };
  switch (result.state) {
    case 'completed':
      return result.latency.samplesCount > 0 && result.latency.mean > 0
        ? { ok: true, latencyMs: microLatency(result.latency) }
        : { ok: false, error: 'no usable samples' };
    case 'errored':
      return { ok: false, error: result.error.message };
    default:
      return { ok: false, error: `sampling ended in state ${result.state}` };
  }
}

export interface ClientStackRun {
  client: string;
  description: string;
  path: string;
  result: Readonly<TaskResult> | undefined;
}

export function clientStackResults(runs: readonly ClientStackRun[]): { results: ClientStackResult[]; errors: MicroError[] } {
  const errors: MicroError[] = [];
  const measured: Omit<ClientStackResult, 'vsSlowest'>[] = [];
  for (const run of runs) {
    const outcome = sampled(run.result);
    if (!outcome.ok) errors.push({ kind: 'client', name: run.client, error: outcome.error });
    else
      measured.push({
        client: run.client,
        description: run.description,
        path: run.path,
        latencyMs: outcome.latencyMs,
        opsPerSec: 1000 / outcome.latencyMs.mean,
        noisy: isNoisy(outcome.latencyMs),
      });
  }
  const slowest = Math.min(...measured.map((row) => row.opsPerSec));
  return { results: measured.map((row) => ({ ...row, vsSlowest: row.opsPerSec / slowest })), errors };
}

export interface SchedulerRun {
  strategy: string;
  concurrency: number | null;
  tasks: number;
  result: Readonly<TaskResult> | undefined;
}

export function schedulerResults(runs: readonly SchedulerRun[]): { results: SchedulerResult[]; errors: MicroError[] } {
  const errors: MicroError[] = [];
  const results: SchedulerResult[] = [];
  for (const run of runs) {
    const outcome = sampled(run.result);
    if (!outcome.ok) errors.push({ kind: 'scheduler', name: schedulerLabel(run), error: outcome.error });
    else
      results.push({
        strategy: run.strategy,
        concurrency: run.concurrency,
        tasks: run.tasks,
        runMs: outcome.latencyMs,
        perTaskMs: outcome.latencyMs.mean / run.tasks,
        noisy: isNoisy(outcome.latencyMs),
      });
  }
  return { results, errors };
}

export const schedulerLabel = (run: Pick<SchedulerRun, 'strategy' | 'concurrency' | 'tasks'>): string =>
  `${run.strategy}${run.concurrency === null ? '' : `(${run.concurrency})`} × ${run.tasks}`;
