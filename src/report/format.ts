// Number formatting for reporters: one base unit (ms) in the model, converted only here.
import type { RequestRecord, StrategyResult } from '../model/records.ts';

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  const abs = Math.abs(ms);
  if (abs >= 1000) return `${(ms / 1000).toFixed(3)} s`;
  if (abs >= 100) return `${ms.toFixed(0)} ms`;
  if (abs >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

/** A count per second, rounded, with thousands separators ("24,010"). */
export const formatRate = (perSec: number | null): string =>
  perSec === null || !Number.isFinite(perSec) ? '–' : Math.round(perSec).toLocaleString('en-US');

/** A share of 1 as a whole percentage. */
export const formatShare = (share: number): string => `${Math.round(share * 100)}%`;

/** A markdown table cell: a literal | would end the cell. */
export const escapeCell = (text: string): string => text.replaceAll('|', '\\|');

export const formatSignedMs = (ms: number): string => (ms >= 0 ? `+${formatMs(ms)}` : formatMs(ms));

export const formatRatio = (ratio: number | null, digits = 2): string =>
  ratio === null || !Number.isFinite(ratio) ? '–' : `${ratio.toFixed(digits)}×`;

export const formatPct = (pct: number): string => (Number.isFinite(pct) ? `±${pct.toFixed(1)}%` : '±–');

export const strategyLabel = (row: Pick<StrategyResult, 'name' | 'concurrency' | 'kind'>): string =>
  row.kind === 'variant' ? `${row.name} (variant)` : row.concurrency === null ? row.name : `${row.name}(${row.concurrency})`;

/** A variant's ideal is only the lower bound (everything in parallel) unless it declared its schedule. */
export const idealCell = (row: Pick<StrategyResult, 'idealMs' | 'variant'>): string =>
  `${formatMs(row.idealMs)}${row.variant?.idealBasis === 'lower-bound' ? ' ≥' : ''}`;

/** The URL's path and query: every request goes to one origin, so the origin is noise. */
export function pathOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return url;
  }
}

/** The columns the table and markdown reporters share, so the two never disagree. */
export const STRATEGY_COLUMNS = [
  'fixture',
  'strategy',
  'k',
  'wall p50',
  '± rme',
  'min … max',
  'ideal',
  'overhead',
  'wall/ideal',
  'speedup',
  'ok/failed',
  'req p50',
  'req p99',
] as const;

export function strategyCells(row: StrategyResult): string[] {
  return [
    row.fixture,
    row.name,
    row.concurrency === null ? '–' : String(row.concurrency),
    formatMs(row.wallMs.p50),
    formatPct(row.wallMs.rme),
    `${formatMs(row.wallMs.min)} … ${formatMs(row.wallMs.max)}`,
    idealCell(row),
    formatSignedMs(row.overheadMs),
    row.idealMs > 0 ? formatRatio(row.wallMs.p50 / row.idealMs, 3) : '–',
    formatRatio(row.speedup),
    `${row.requests.ok}/${row.requests.failed}`,
    formatMs(row.requestLatencyMs.p50),
    formatMs(row.requestLatencyMs.p99),
  ];
}

/** A request's outcome in a few words: the status, or ✗ with what failed. `okText` stands in for a missing status. */
export function outcomeText(record: Pick<RequestRecord, 'outcome' | 'status'>, okText = ''): string {
  switch (record.outcome.kind) {
    case 'ok':
      return `${record.status ?? okText}`;
    case 'http-error':
      return `${record.outcome.status} ✗`;
    case 'network-error':
      return `✗ ${record.outcome.code}`;
    case 'timeout':
      return '✗ timeout';
  }
}
