import { startDelayServerThread } from '../../server/thread.ts';
import type { Suite } from '../suite.ts';
import { OPEN_DEFAULTS } from './options.ts';
import { emptyOpenSection, runOpenSweep } from './sweep.ts';

export const openSuite = {
  name: 'open',
  description: 'open-loop rate sweep through the chosen client: latency from intended and actual start, dropped requests, the knee',
  async run(ctx) {
    const { options } = ctx;
    // The local delay server gets a worker thread of its own, so its work does not delay the
    // scheduler's timers (and the scheduler's the server's answers); a --target is measured as given.
    const server = options.target === undefined ? await startDelayServerThread({ timeScale: options.timeScale, seed: options.seed ?? 1 }) : null;
    const sweep = {
      ...(options.open ?? OPEN_DEFAULTS),
      baseUrl: server?.url ?? ctx.baseUrl,
      client: options.client,
      timeoutMs: options.timeoutMs,
      timeScale: options.timeScale,
      ...(options.signal ? { signal: options.signal } : {}),
      onProgress: ctx.progress,
      onStep: () => ctx.save(),
    };
    const section = emptyOpenSection(sweep, server ? 'worker-thread' : 'target');
    ctx.report.open = section;
    try {
      await runOpenSweep(sweep, section);
    } finally {
      await server?.close();
    }
  },
} satisfies Suite;
