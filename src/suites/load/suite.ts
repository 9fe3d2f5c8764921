import type { Suite } from '../suite.ts';
import { LOAD_DEFAULTS } from './options.ts';
import { emptyLoadSection, runLoadSweep } from './run-load.ts';

export const loadSuite = {
  name: 'load',
  description: 'closed-loop autocannon sweep of connections × endpoints, delay server against a bare node:http server',
  async run(ctx) {
    const { options } = ctx;
    const sweep = {
      ...(options.load ?? LOAD_DEFAULTS),
      baseUrl: ctx.baseUrl,
      timeScale: options.timeScale,
      timeoutS: options.timeoutMs / 1000,
      ...(options.maxRatePerSec === undefined ? {} : { maxRatePerSec: options.maxRatePerSec }),
      ...(options.signal ? { signal: options.signal } : {}),
      onProgress: ctx.progress,
    };
    const section = emptyLoadSection(sweep);
    ctx.report.load = section;
    await runLoadSweep({
      ...sweep,
      onPoint: async (point) => {
        section.points.push(point);
        await ctx.save();
      },
    });
  },
} satisfies Suite;
