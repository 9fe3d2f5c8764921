import { terminalTable } from './terminal-table.ts';
import { strategyLabel } from './format.ts';
import type { Reporter } from './reporter.ts';

/** Tries, retries, timeouts and goodput per row: how each strategy copes with failures. */
export const resilienceReporter = {
  name: 'resilience',
  description: 'per-row tries, retries, timeouts and goodput (rows with failures or retries only)',
  render(report) {
    const rows = report.strategies.filter((row) => row.requests.failed > 0 || (row.resilience?.retries ?? 0) > 0);
    if (rows.length === 0) return '';
    const table = terminalTable(['fixture', 'strategy', 'requests', 'ok', 'http err', 'net err', 'timeout', 'tries', 'retries', 'denied', 'try timeouts', 'goodput']);
    for (const row of rows) {
      const r = row.resilience;
      const by = row.requests.byOutcome;
      table.push([
        row.fixture,
        strategyLabel(row),
        String(row.requests.total),
        `${(((r?.okFraction ?? row.requests.ok / Math.max(1, row.requests.total)) * 100)).toFixed(0)}%`,
        String(by['http-error']),
        String(by['network-error']),
        String(by.timeout),
        r ? String(r.attempts) : '–',
        r ? String(r.retries) : '–',
        r ? String(r.retriesDenied) : '–',
        r ? String(r.timeouts) : '–',
        r ? `${r.goodputPerSec.toFixed(1)}/s` : '–',
      ]);
    }
    return `${table.toString()}\ngoodput: requests ending ok per second of measured wall; denied: retries refused by the retry budget.\n`;
  },
} satisfies Reporter;
