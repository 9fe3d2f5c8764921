// tinybench results of the recording-path rows → the model. Pure, like adapt.ts.
import type { TaskResult } from 'tinybench';
import type { MicroError, RecordingResult } from './model.ts';
import { isNoisy, sampled } from './adapt.ts';

export interface RecordingRun {
  variant: string;
  requests: number;
  concurrency: number;
  result: Readonly<TaskResult> | undefined;
}

export function recordingResults(runs: readonly RecordingRun[]): { results: RecordingResult[]; errors: MicroError[] } {
  const errors: MicroError[] = [];
  const results: RecordingResult[] = [];
  for (const run of runs) {
    const outcome = sampled(run.result);
    if (!outcome.ok) errors.push({ kind: 'recording', name: run.variant, error: outcome.error });
    else results.push({ variant: run.variant, requests: run.requests, concurrency: run.concurrency, runMs: outcome.latencyMs, perRequestMs: outcome.latencyMs.mean / run.requests, noisy: isNoisy(outcome.latencyMs) });
  }
  return { results, errors };
}
