import type { Suite } from '../suite.ts';
import { OPEN_DEFAULTS } from './options.ts';
import { emptyOpenSection, runOpenSweep } from './sweep.ts';

export const openSuite = {
  name: 'open',
  description: 'open-loop rate sweep through the chosen client: latency from intended and actual start, dropped requests, the knee',
  async run(ctx) {
    const { options } = ctx;
    const sweep = {
      ...(options.open ?? OPEN_DEFAULTS),
      baseUrl: ctx.baseUrl,
      client: options.client,
      timeoutMs: options.timeoutMs,
      timeScale: options.timeScale,
      ...(options.signal ? { signal: options.signal } : {}),
      onProgress: ctx.progress,
      onStep: () => ctx.save(),
    };
    const section = emptyOpenSection(sweep);
    ctx.report.open = section;
    await runOpenSweep(sweep, section);
  },
} satisfies Suite;
