// What each bench variant's recorded timeline proves, beside the main table: its bounds, how much of
// the fan-out it achieved, where it waited on itself, and what the recorder could not vouch for.
import type { StrategyResult } from '../../model/records.ts';
import { formatMs } from '../../report/format.ts';
import { terminalTable } from '../../report/terminal-table.ts';

export const VARIANT_COLUMNS = ['bench', 'variant', 'ideal from', 'lower bound', 'sequential', 'in flight max/mean', 'idle', 'req/run', 'leaked', 'incomplete', 'unrecorded', 'failed runs'] as const;

export function variantTable(rows: readonly StrategyResult[]): string {
  const variants = rows.filter((row) => row.variant !== undefined);
  if (variants.length === 0) return '';
  const table = terminalTable([...VARIANT_COLUMNS]);
  for (const row of variants) {
    const v = row.variant!;
    const perRun = v.requestsPerRun.min === v.requestsPerRun.max ? String(v.requestsPerRun.min) : `${v.requestsPerRun.min}–${v.requestsPerRun.max}`;
    table.push([
      row.fixture,
      row.name,
      v.idealBasis === 'declared' ? `declared ${v.declared ?? ''}` : 'lower bound ≥',
      formatMs(v.lowerBoundMs),
      formatMs(v.sequentialMs),
      `${v.maxInFlight} / ${v.meanInFlight.toFixed(2)}`,
      formatMs(v.idleMs),
      perRun,
      String(v.leaked),
      String(v.incomplete),
      v.unrecorded === null ? '–' : String(v.unrecorded),
      String(v.failedRuns.length),
    ]);
  }
  const notes = [
    'Variants are bench files\' own code, recorded through diagnostics_channel; "ideal ≥" is the lower bound (the longest request):',
    'declare ideal: \'all\' | \'sequential\' | { pool: k } | { batched: k } for the exact makespan. Leaked: still in flight when the variant settled.',
  ];
  for (const row of variants) {
    for (const failed of row.variant!.failedRuns) {
      notes.push(`FAILED RUN ${row.fixture}/${row.name} #${failed.iteration}${failed.warmup ? ' (warm-up)' : ''}: ${failed.error} (${failed.requests} requests kept)`);
    }
  }
  return `${table.toString()}\n${notes.join('\n')}`;
}
