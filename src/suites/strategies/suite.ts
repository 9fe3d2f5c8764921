// The strategies suite: every URL set × strategy × k, wall time against the ideal makespan. Its rows go
// into the report's shared row list, which the waterfall, markdown and compare read.
import { STRATEGY_COLUMNS, strategyCells } from '../../report/format.ts';
import { terminalTable } from '../../report/terminal-table.ts';
import { positiveNumber } from '../../cli/flags.ts';
import { parseSlo, type Slo } from '../../llm/slo.ts';
import { paint } from '../../report/color.ts';
import type { Suite } from '../suite.ts';
import { llmTable } from './llm-table.ts';
import { variantTable } from './variant-table.ts';
import type { PriceTable } from '../../model/prices.ts';
import { readPriceFile } from './prices-flag.ts';

export interface StrategiesOptions {
  /** A bench variant's run still unsettled after this is aborted and counted as a failed run. */
  variantTimeoutMs: number;
  /** SLOs for streamed LLM answers (--slo ttft:500,tpot:50,e2e:3000): goodput counts those meeting all. */
  slo: { text: string; slo: Slo } | null;
  /** Token prices per model (--prices FILE), winning over a bench's or URL set's own per model; null: none given. */
  prices: PriceTable | null;
}

export const VARIANT_TIMEOUT_MS = 60_000;

const OK_FAILED = STRATEGY_COLUMNS.indexOf('ok/failed');

export const strategySuite = {
  name: 'strategies',
  description: 'every strategy over each URL set, wall time against the ideal makespan',
  section: null,
  flags: { 'variant-timeout-ms': { type: 'string' }, slo: { type: 'string' }, prices: { type: 'string' } },
  help: `  --variant-timeout-ms N a bench variant's run still unsettled after N ms is aborted and counted as failed
                         (default: ${VARIANT_TIMEOUT_MS})
  --slo LIST             SLOs for streamed LLM answers in ms, e.g. ttft:500,tpot:50,e2e:3000 (also itl):
                         goodput = the share of requests meeting every one, and good requests per second
  --prices FILE          USD per million input/output tokens per model, JSON {"gpt-4o-mini": {"inputPerMTok": 0.15,
                         "outputPerMTok": 0.6}}: streamed answers' cost and the cost of waste (default: none, no cost)
`,
  defaults: (): StrategiesOptions => ({ variantTimeoutMs: VARIANT_TIMEOUT_MS, slo: null, prices: null }),
  async parseOptions(values) {
    const raw = values['variant-timeout-ms'];
    const slo = values.slo;
    const prices = values.prices;
    return {
      variantTimeoutMs: typeof raw === 'string' ? positiveNumber('variant-timeout-ms', raw) : VARIANT_TIMEOUT_MS,
      slo: typeof slo === 'string' ? { text: slo, slo: parseSlo(slo) } : null,
      prices: typeof prices === 'string' ? await readPriceFile(prices) : null,
    };
  },
  async run(ctx) {
    const [{ runStrategySuite }, { RETRY_DEFAULTS }, { createRateGate }] = await Promise.all([
      import('./index.ts'),
      import('../../request/retry.ts'),
      import('../../run/safety.ts'),
    ]);
    const { common } = ctx;
    // Variants (a bench file's own code) are recorded through diagnostics_channel, subscribed only while they run.
    const hasVariants = common.fixtures.some((fixture) => Object.keys(fixture.variants ?? {}).length > 0);
    const recorder = hasVariants ? (await import('../../record/index.ts')).createRecorder() : null;
    recorder?.start();
    try {
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
        ...(ctx.options.slo ? { slo: ctx.options.slo } : {}),
        ...(ctx.options.prices ? { prices: ctx.options.prices } : {}),
        onProgress: (event) =>
          ctx.progress(
            `[${event.row + 1}/${event.rows}] ${event.label}  ` +
              (event.kind === 'row-start' ? 'starting…' : `run ${event.run}/${event.runsPerRow}  last ${event.wallMs.toFixed(1)} ms`),
          ),
        // A bench with server settings gets a delay server of its own, at the run's time scale and seed.
        ...(common.target === undefined
          ? {
              startServer: async (settings) =>
                (await import('../../server/index.ts')).startDelayServer({
                  timeScale: common.timeScale * (settings.timeScale ?? 1),
                  seed: common.seed ?? 1,
                  ...(settings.llm ? { llm: settings.llm } : {}),
                }),
            }
          : {}),
        ...(recorder
          ? {
              variants: {
                recorder,
                timeoutMs: ctx.options.variantTimeoutMs,
                ...(ctx.options.slo ? { slo: ctx.options.slo } : {}),
                ...(ctx.serverRequestsReceived ? { serverRequestsReceived: ctx.serverRequestsReceived } : {}),
              },
            }
          : {}),
        onFixtureDone: async (results, errors) => {
          ctx.addRows(results, errors);
          await ctx.save();
        },
      });
    } finally {
      recorder?.stop();
    }
  },
  render({ report, render }) {
    const { bad } = paint(render);
    const ran = report.strategies.length > 0 || report.errors.length > 0 || report.config.suites.includes('strategies');
    if (!ran) return '';
    const lines: string[] = [];
    if (report.strategies.length > 0) {
      const table = terminalTable([...STRATEGY_COLUMNS]);
      for (const row of report.strategies) {
        const cells = strategyCells(row);
        if (row.requests.failed > 0) cells[OK_FAILED] = `${row.requests.ok}/${bad(String(row.requests.failed))}`;
        table.push(cells);
      }
      lines.push(table.toString());
    }
    const { iterations, warmup, client, timeScale } = report.config;
    lines.push(
      `${iterations} measured runs per row after ${warmup} warm-up; ok/failed counts requests over all measured runs; client ${client}; time scale ${timeScale}.`,
    );
    if (report.config.llm) lines.push(`the run's server: LLM settings ${JSON.stringify(report.config.llm)} (--llm-*).`);
    for (const fixture of report.fixtures) {
      if (fixture.server) lines.push(`${fixture.name}: a server of its own at time scale ${fixture.server.timeScale}${fixture.server.llm ? `, LLM limits ${JSON.stringify(fixture.server.llm)}` : ''}.`);
    }
    if (report.strategies.length === 0) lines.push('no strategy rows were measured');
    for (const extra of [variantTable(report.strategies), llmTable(report.strategies)]) if (extra !== '') lines.push(extra);
    return lines.join('\n');
  },
  // Rows that threw are in the report's shared `errors`, which every run checks; a variant run that
  // threw or hung is a failure of the user's code under test, and fails the run too.
  failures: ({ report }) =>
    report.strategies.flatMap((row) =>
      (row.variant?.failedRuns ?? []).filter((run) => !run.warmup).map((run) => `${row.fixture}/${row.name} run ${run.iteration}: ${run.error}`),
    ),
  // The shared rows' metrics are extracted by compare itself (compare/metrics/rows.ts).
  metrics: () => [],
} satisfies Suite<null, StrategiesOptions>;
