// The load suite: closed-loop autocannon sweep against the delay server and a bare node:http baseline.
import type { Suite } from '../suite.ts';
import { LOAD_FLAGS, LOAD_HELP, parseLoadFlags, type LoadFlagValues } from './flags.ts';
import { loadMetrics } from './metrics.ts';
import { LoadSectionSchema } from './model.ts';
import { LOAD_DEFAULTS, LOAD_QUICK, type LoadOptions } from './options.ts';
import { renderLoadTable } from './table.ts';

export const loadSuite = {
  name: 'load',
  description: 'closed-loop autocannon sweep of connections × endpoints, delay server against a bare node:http server',
  section: LoadSectionSchema,
  flags: LOAD_FLAGS,
  help: LOAD_HELP,
  defaults: (quick) => (quick ? LOAD_QUICK : LOAD_DEFAULTS),
  parseOptions: (values, quick) => parseLoadFlags(values as LoadFlagValues, quick ? LOAD_QUICK : LOAD_DEFAULTS),
  async run(ctx) {
    const { emptyLoadSection, runLoadSweep } = await import('./run-load.ts');
    const { common } = ctx;
    const sweep = {
      ...ctx.options,
      baseUrl: ctx.baseUrl,
      timeScale: common.timeScale,
      timeoutS: common.timeoutMs / 1000,
      ...(common.maxRatePerSec === undefined ? {} : { maxRatePerSec: common.maxRatePerSec }),
      ...(common.signal ? { signal: common.signal } : {}),
      onProgress: ctx.progress,
    };
    const section = emptyLoadSection(sweep);
    ctx.setSection(section);
    await runLoadSweep({
      ...sweep,
      onPoint: async (point) => {
        section.points.push(point);
        await ctx.save();
      },
    });
  },
  render: ({ section }) => (section ? `\n${renderLoadTable(section)}` : ''),
  failures: ({ section }) =>
    (section?.points ?? []).flatMap((point) =>
      ([['delay server', point.delayServer], ['bare', point.bare]] as const).flatMap(([side, outcome]) =>
        outcome.state === 'failed' ? [`load ${point.endpoint} c=${point.connections} (${side}): ${outcome.error}`] : [],
      ),
    ),
  metrics: ({ section }) => loadMetrics(section),
} satisfies Suite<typeof LoadSectionSchema, LoadOptions>;
