import type { Suite } from '../suite.ts';
import { runScaleSweepThread } from './thread.ts';

export const scaleSuite = {
  name: 'scale',
  description: 'requests × concurrency through the pool strategy: wall against ideal, memory, event-loop delay',
  async run(ctx) {
    const { options } = ctx;
    ctx.report.scale = await runScaleSweepThread({
      client: options.client,
      timeScale: options.timeScale,
      timeoutMs: options.timeoutMs,
      ...(options.scaleBudgetS === undefined ? {} : { budgetS: options.scaleBudgetS }),
      ...options.scale,
      ...(options.signal ? { signal: options.signal } : {}),
      onProgress: (text) => ctx.progress(text),
      onPoint: async (section) => {
        ctx.report.scale = section;
        await ctx.save();
      },
    });
  },
} satisfies Suite;
