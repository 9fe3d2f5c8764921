// The scale suite: requests × concurrency through the pool strategy, client and server each on a worker thread.
import { positiveNumber } from '../../cli/flags.ts';
import type { Suite } from '../suite.ts';
import { ScaleSectionSchema } from './model.ts';
import { SCALE_DEFAULTS } from './options.ts';
import { scaleTable } from './table.ts';

export interface ScaleSuiteOptions {
  /** Points whose ideal exceeds this many seconds are skipped. */
  budgetS: number;
}

export const scaleSuite = {
  name: 'scale',
  description: 'requests × concurrency through the pool strategy: wall against ideal, memory, event-loop delay',
  section: ScaleSectionSchema,
  flags: { 'scale-budget-s': { type: 'string' } },
  help: `  --scale-budget-s F     scale suite: skip points whose ideal exceeds F seconds (default: ${SCALE_DEFAULTS.budgetS})
`,
  defaults: (_quick) => ({ budgetS: SCALE_DEFAULTS.budgetS }),
  parseOptions(values) {
    const raw = values['scale-budget-s'];
    return typeof raw === 'string' ? { budgetS: positiveNumber('scale-budget-s', raw) } : this.defaults(false);
  },
  async run(ctx) {
    const { runScaleSweepThread } = await import('./thread.ts');
    const { common } = ctx;
    ctx.setSection(
      await runScaleSweepThread({
        client: common.client,
        timeScale: common.timeScale,
        timeoutMs: common.timeoutMs,
        budgetS: ctx.options.budgetS,
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
