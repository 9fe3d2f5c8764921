// The open-loop suite: requests start on a schedule (wrk2-style), latency from intended and actual start.
import type { Suite } from '../suite.ts';
import { OPEN_FLAGS, OPEN_HELP, parseOpenFlags, type OpenFlagValues } from './flags.ts';
import { OpenSectionSchema } from './model.ts';
import { OPEN_DEFAULTS, type OpenOptions } from './options.ts';
import { renderOpenTable } from './table.ts';

export const openSuite = {
  name: 'open',
  description: 'open-loop rate sweep through the chosen client: latency from intended and actual start, dropped requests, the knee',
  section: OpenSectionSchema,
  flags: OPEN_FLAGS,
  help: OPEN_HELP,
  defaults: () => OPEN_DEFAULTS,
  parseOptions: (values) => parseOpenFlags(values as OpenFlagValues),
  async run(ctx) {
    const [{ emptyOpenSection, runOpenSweep }, { startDelayServerThread }] = await Promise.all([import('./sweep.ts'), import('../../server/thread.ts')]);
    const { common } = ctx;
    // The local delay server gets a worker thread of its own, so its work does not delay the
    // scheduler's timers (and the scheduler's the server's answers); a --target is measured as given.
    const server = common.target === undefined ? await startDelayServerThread({ timeScale: common.timeScale, seed: common.seed ?? 1 }) : null;
    const sweep = {
      ...ctx.options,
      baseUrl: server?.url ?? ctx.baseUrl,
      client: common.client,
      timeoutMs: common.timeoutMs,
      timeScale: common.timeScale,
      ...(common.signal ? { signal: common.signal } : {}),
      onProgress: ctx.progress,
      onStep: () => ctx.save(),
    };
    const section = emptyOpenSection(sweep, server ? 'worker-thread' : 'target');
    ctx.setSection(section);
    try {
      await runOpenSweep(sweep, section);
    } finally {
      await server?.close();
    }
  },
  render: ({ section }) => (section ? `\n${renderOpenTable(section)}` : ''),
  // A failed or dropped request is data about the target; the open loop has no harness-side failure of its own.
  failures: () => [],
  metrics: () => [],
} satisfies Suite<typeof OpenSectionSchema, OpenOptions>;
