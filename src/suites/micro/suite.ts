import type { MicroSection } from '../../model-micro.ts';
import type { Suite } from '../suite.ts';
import { measureClientStacks } from './clients.ts';
import { MICRO_DEFAULTS } from './options.ts';
import { measureRecording } from './recording.ts';
import { measureSchedulers } from './schedulers.ts';

export const microSuite = {
  name: 'micro',
  description: 'tinybench: client stacks on /get, and each strategy’s scheduling cost per task',
  async run(ctx) {
    const { options } = ctx;
    const timeMs = options.microTimeMs ?? MICRO_DEFAULTS.timeMs;
    const signal = options.signal;
    ctx.progress('client stacks on /get…');
    const stacks = await measureClientStacks({ baseUrl: ctx.baseUrl, timeMs, timeoutMs: options.timeoutMs, ...(signal ? { signal } : {}) });
    const section: MicroSection = { timeBudgetMs: timeMs, noisyRmePct: MICRO_DEFAULTS.noisyRmePct, clients: stacks.results, schedulers: [], errors: [...stacks.errors] };
    ctx.report.micro = section;
    await ctx.save();
    if (signal?.aborted) return;
    ctx.progress('scheduler overhead, zero-delay tasks…');
    const schedulers = await measureSchedulers({ timeMs, ...(signal ? { signal } : {}) });
    section.schedulers = schedulers.results;
    section.errors.push(...schedulers.errors);
    if (signal?.aborted) return;
    ctx.progress('recording path, synthetic responses…');
    const recording = await measureRecording({ timeMs, ...(signal ? { signal } : {}) });
    section.recording = recording.results;
    section.errors.push(...recording.errors);
  },
} satisfies Suite;
