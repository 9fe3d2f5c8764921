// The scale suite: requests × concurrency through the pool strategy, client and server each on a worker thread.
import { positiveNumber } from '../../cli/flags.ts';
import type { Suite } from '../suite.ts';
import { parseScaleFlags, SCALE_FLAGS, SCALE_HELP, type ScaleFlagValues } from './flags.ts';
import type { ScaleGrid } from './index.ts';
import { ScaleSectionSchema } from './model.ts';
import { SCALE_DEFAULTS } from './options.ts';
import { scaleTable } from './table.ts';

export interface ScaleSuiteOptions extends ScaleGrid {
  /** Points whose ideal exceeds this many seconds are skipped. */
  budgetS: number;
}

export const scaleSuite = {
  name: 'scale',
  description: 'requests × concurrency through the pool strategy: wall against ideal, memory, event-loop delay',
  section: ScaleSectionSchema,
  flags: { 'scale-budget-s': { type: 'string' }, ...SCALE_FLAGS },
  help: `  --scale-budget-s F     scale suite: skip points whose ideal exceeds F seconds (default: ${SCALE_DEFAULTS.budgetS})
${SCALE_HELP}`,
  defaults: (_quick) => ({ budgetS: SCALE_DEFAULTS.budgetS }),
  parseOptions(values) {
    const raw = values['scale-budget-s'];
    return { budgetS: typeof raw === 'string' ? positiveNumber('scale-budget-s', raw) : SCALE_DEFAULTS.budgetS, ...parseScaleFlags(values as ScaleFlagValues) };
  },
  async run(ctx) {
    const { runScaleSweepThread } = await import('./thread.ts');
    const { common } = ctx;
    ctx.setSection(
      await runScaleSweepThread({
        client: common.client,
        timeScale: common.timeScale,
        timeoutMs: common.timeoutMs,
        ...ctx.options,
        ...(common.signal ? { signal: common.signal } : {}),
        onProgress: (text) => ctx.progress(text),
        onPoint: async (section) => {
          ctx.setSection(section);
          await ctx.save();
        },
      }),
    );
  },
  render: ({ section }) => (section ? scaleTable(section) : ''),
  failures: ({ section }) =>
    (section?.points ?? []).flatMap((point) => (point.state === 'errored' ? [`scale ${point.requests}×${point.concurrency}: ${point.error}`] : [])),
  metrics: () => [],
} satisfies Suite<typeof ScaleSectionSchema, ScaleSuiteOptions>;
