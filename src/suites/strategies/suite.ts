// The strategies suite: every URL set × strategy × k, wall time against the ideal makespan. Its rows go
// into the report's shared row list, which the waterfall, markdown and compare read.
import { STRATEGY_COLUMNS, strategyCells } from '../../report/format.ts';
import { terminalTable } from '../../report/terminal-table.ts';
import type { Suite } from '../suite.ts';

export const strategySuite = {
  name: 'strategies',
  description: 'every strategy over each URL set, wall time against the ideal makespan',
  section: null,
  flags: {},
  help: '',
  defaults: () => ({}),
  parseOptions: () => ({}),
  async run(ctx) {
    const [{ runStrategySuite }, { RETRY_DEFAULTS }, { createRateGate }] = await Promise.all([
      import('./index.ts'),
      import('../../request/retry.ts'),
      import('../../run/safety.ts'),
    ]);
    const { common } = ctx;
    await runStrategySuite({
      baseUrl: ctx.baseUrl,
      fixtures: common.fixtures,
      strategies: common.strategies,
      concurrency: common.concurrency,
      client: common.client,
      iterations: common.iterations,
      warmup: common.warmup,
      timeoutMs: common.timeoutMs,
      retry: { ...RETRY_DEFAULTS, ...common.retry, seed: common.seed ?? 1 },
      ...(common.rateCapPerSec === undefined ? {} : { beforeTry: createRateGate(common.rateCapPerSec) }),
      ...(common.signal ? { signal: common.signal } : {}),
      onProgress: (event) =>
        ctx.progress(
          `[${event.row + 1}/${event.rows}] ${event.label}  ` +
            (event.kind === 'row-start' ? 'starting…' : `run ${event.run}/${event.runsPerRow}  last ${event.wallMs.toFixed(1)} ms`),
        ),
      onFixtureDone: async (results, errors) => {
        ctx.addRows(results, errors);
        await ctx.save();
      },
    });
  },
  render({ report }) {
    const ran = report.strategies.length > 0 || report.errors.length > 0 || report.config.suites.includes('strategies');
    if (!ran) return '';
    const lines: string[] = [];
    if (report.strategies.length > 0) {
      const table = terminalTable([...STRATEGY_COLUMNS]);
      for (const row of report.strategies) table.push(strategyCells(row));
      lines.push(table.toString());
    }
    const { iterations, warmup, client, timeScale } = report.config;
    lines.push(
      `${iterations} measured runs per row after ${warmup} warm-up; ok/failed counts requests over all measured runs; client ${client}; time scale ${timeScale}.`,
    );
    if (report.strategies.length === 0) lines.push('no strategy rows were measured');
    return lines.join('\n');
  },
  // Rows that threw are in the report's shared `errors`, which every run checks.
  failures: () => [],
  // The shared rows' metrics are extracted by compare itself (compare/metrics/rows.ts).
  metrics: () => [],
} satisfies Suite<null, Record<string, never>>;
