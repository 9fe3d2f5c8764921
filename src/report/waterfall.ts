// The lesson's "Call 1 -> Call 2" diagram, measured: one row per request of each strategy's
// median run, bars on one time axis shared by every strategy of a fixture.
import type { RequestRecord, StrategyResult } from '../model/records.ts';
import { formatMs, idealCell, outcomeText, pathOf, strategyLabel } from './format.ts';
import type { Reporter } from './reporter.ts';

const BAR_WIDTH = 48;
const QUEUED = '·';
const IN_FLIGHT = '█';

export const waterfallReporter = {
  name: 'waterfall',
  description: 'per-strategy request timelines on a shared time axis',
  render(report) {
    const blocks: string[] = [];
    for (const fixture of report.fixtures) {
      const rows = report.strategies.filter((row) => row.fixture === fixture.name);
      if (rows.length === 0) continue;
      const axisMs = Math.max(...rows.flatMap((row) => row.timeline.map((r) => r.endMs)), 1);
      const pathWidth = Math.max(...rows.flatMap((row) => row.timeline.map((r) => pathOf(r.url).length)));
      blocks.push(`${fixture.name}: ${fixture.description}`.trimEnd());
      for (const row of rows) blocks.push(renderStrategy(row, axisMs, pathWidth));
      blocks.push(`${' '.repeat(pathWidth + 2)}${axis(axisMs)}`);
      blocks.push(`${' '.repeat(pathWidth + 2)}${QUEUED} waiting to start   ${IN_FLIGHT} in flight   (median run of each row)`);
    }
    return blocks.length > 0 ? `${blocks.join('\n')}\n` : '';
  },
} satisfies Reporter;

function renderStrategy(row: StrategyResult, axisMs: number, pathWidth: number): string {
  const title = `${strategyLabel(row)}  wall ${formatMs(row.wallMs.p50)}  ideal ${idealCell(row)}`;
  const lines = row.timeline.map((r) => `  ${pathOf(r.url).padEnd(pathWidth)} |${bar(r, axisMs)}| ${formatMs(r.endMs - r.startMs).padStart(9)} ${outcomeText(r)}`);
  return [title, ...lines].join('\n');
}

function column(ms: number, axisMs: number): number {
  return Math.min(BAR_WIDTH, Math.max(0, Math.round((ms / axisMs) * BAR_WIDTH)));
}

function bar(record: RequestRecord, axisMs: number): string {
  // Every request gets at least one in-flight cell, so the last start column is BAR_WIDTH − 1.
  const start = Math.min(column(record.startMs, axisMs), BAR_WIDTH - 1);
  const end = Math.max(column(record.endMs, axisMs), start + 1);
  const queued = Math.min(column(record.queuedMs, axisMs), start);
  return `${' '.repeat(queued)}${QUEUED.repeat(start - queued)}${IN_FLIGHT.repeat(end - start)}`.padEnd(BAR_WIDTH);
}

function axis(axisMs: number): string {
  const left = '0';
  const mid = formatMs(axisMs / 2);
  const right = formatMs(axisMs);
  const midAt = Math.floor(BAR_WIDTH / 2) + 1 - Math.floor(mid.length / 2);
  const line = `${left}${' '.repeat(Math.max(1, midAt - left.length))}${mid}`;
  return `${line}${' '.repeat(Math.max(1, BAR_WIDTH + 2 - line.length - right.length))}${right}`;
}
