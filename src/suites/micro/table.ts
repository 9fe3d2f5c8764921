// The micro section as terminal tables: client stacks, then scheduler overhead per task.
import { terminalTable } from '../../report/terminal-table.ts';
import type { MicroSection, SchedulerSkip } from './model.ts';
import { formatMs, formatPct, formatRate, formatRatio } from '../../report/format.ts';


/** Per-task costs are fractions of a microsecond to a few; ms would print as zeros. */
export const formatUs = (ms: number): string => {
  const us = ms * 1000;
  if (!Number.isFinite(us)) return '–';
  return us >= 100 ? `${us.toFixed(0)} µs` : us >= 10 ? `${us.toFixed(1)} µs` : `${us.toFixed(3)} µs`;
};

const formatSignedUs = (ms: number): string => (ms >= 0 ? `+${formatUs(ms)}` : `−${formatUs(-ms)}`);

/** µs below a millisecond, ms above. */
export const formatShortMs = (ms: number): string => (Math.abs(ms) < 1 ? formatUs(ms) : formatMs(ms));

/** ± rme, with "noisy" beside it when the row is too noisy for a compare verdict. */
const rmeCell = (row: { noisy?: boolean | undefined }, rme: number): string => `${formatPct(rme)}${row.noisy ? ' noisy' : ''}`;

export function microTable(section: MicroSection): string {
  const lines: string[] = [];
  const noisy = [...section.clients, ...section.schedulers, ...(section.recording ?? [])].some((row) => row.noisy);
  if (section.clients.length > 0) {
    const table = terminalTable(['client', 'ops/s', '± rme', 'p50', 'p99', 'samples', '× vs slowest']);
    for (const row of section.clients) {
      table.push([
        row.client,
        formatRate(row.opsPerSec),
        rmeCell(row, row.latencyMs.rme),
        formatShortMs(row.latencyMs.p50),
        formatShortMs(row.latencyMs.p99),
        String(row.latencyMs.samplesCount),
        formatRatio(row.vsSlowest),
      ]);
    }
    lines.push(table.toString(), `client stacks: GET ${section.clients[0]?.path ?? ''} on the local delay server, one request in flight; ops/s = 1000 / mean latency.`);
  }
  if (section.schedulers.length > 0) {
    const table = terminalTable(['strategy', 'k', 'tasks', 'per task', 'run mean', '± rme', 'runs']);
    for (const row of section.schedulers) {
      table.push([
        row.strategy,
        row.concurrency === null ? '–' : String(row.concurrency),
        row.tasks.toLocaleString('en-US'),
        formatUs(row.perTaskMs),
        formatShortMs(row.runMs.mean),
        rmeCell(row, row.runMs.rme),
        String(row.runMs.samplesCount),
      ]);
    }
    lines.push(table.toString(), 'scheduler overhead: each strategy over in-process tasks that resolve at once (no network).');
  }
  if (section.recording && section.recording.length > 0) {
    const table = terminalTable(['recording path', 'requests', 'k', 'per request', 'run mean', '± rme', 'runs']);
    for (const row of section.recording) {
      table.push([
        row.variant,
        row.requests.toLocaleString('en-US'),
        String(row.concurrency),
        formatUs(row.perRequestMs),
        formatShortMs(row.runMs.mean),
        rmeCell(row, row.runMs.rme),
        String(row.runMs.samplesCount),
      ]);
    }
    lines.push(table.toString(), 'recording path: recordingAttempt through the pool, fed synthetic 200 responses with Server-Timing in-process (no network).');
  }
  if ((section.recorderCost ?? []).length > 0) {
    const table = terminalTable(['recorder on', 'requests × pairs', 'per request, off', 'recording adds', 'share']);
    for (const row of section.recorderCost ?? []) {
      table.push([row.stack, `${row.requests} × ${row.pairs}`, formatUs(row.medianOffMsPerRequest), formatSignedUs(row.medianDeltaMsPerRequest), `${((row.medianDeltaMsPerRequest / row.medianOffMsPerRequest) * 100).toFixed(1)} %`]);
    }
    lines.push(table.toString(), 'request recorder: sequential GET loops with the recorder off and on, interleaved; medians over pairs.');
  }
  for (const skip of section.skippedSchedulers ?? []) {
    lines.push(`skipped ${skipLabel(skip)}: one run predicted at ${formatMs(skip.predictedRunMs)} from its cost per task at fewer tasks, over the ${formatMs(skip.maxRunMs)} bound.`);
  }
  lines.push(`tinybench time budget ${section.timeBudgetMs} ms per task.`);
  if (noisy) lines.push(`noisy: rme above ${section.noisyRmePct ?? '?'}% — shown, but compare gives such rows no verdict.`);
  for (const error of section.errors) lines.push(`ERROR micro ${error.kind} ${error.name}: ${error.error}`);
  return `${lines.join('\n')}\n`;
}

const skipLabel = (skip: SchedulerSkip): string =>
  `${skip.strategy}${skip.concurrency === null ? '' : `(${skip.concurrency})`} × ${skip.tasks.toLocaleString('en-US')}`;
