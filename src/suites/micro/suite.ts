import type { MicroSection } from '../../model-micro.ts';
import type { Suite } from '../suite.ts';
import { measureClientStacks } from './clients.ts';
import { MICRO_DEFAULTS } from './options.ts';
import { measureSchedulers } from './schedulers.ts';

export const microSuite = {
  name: 'micro',
  description: 'tinybench: client stacks on /get, and each strategy’s and limiter library’s scheduling cost per task',
  async run(ctx) {
    const { options } = ctx;
    const timeMs = options.microTimeMs ?? MICRO_DEFAULTS.timeMs;
    const signal = options.signal;
    ctx.progress('client stacks on /get…');
    const stacks = await measureClientStacks({ baseUrl: ctx.baseUrl, timeMs, timeoutMs: options.timeoutMs, ...(signal ? { signal } : {}) });
    const section: MicroSection = { timeBudgetMs: timeMs, clients: stacks.results, schedulers: [], errors: [...stacks.errors] };
    ctx.report.micro = section;
    await ctx.save();
    if (signal?.aborted) return;
    ctx.progress('scheduler overhead, zero-delay tasks…');
    const schedulers = await measureSchedulers({ timeMs, ...(signal ? { signal } : {}) });
    section.schedulers = schedulers.results;
    if (schedulers.skipped.length > 0) section.skippedSchedulers = schedulers.skipped;
    section.errors.push(...schedulers.errors);
    await ctx.save();
    if (signal?.aborted) return;
    ctx.progress('request recorder cost, off vs on…');
    // Loaded here, not with every command the CLI runs.
    const { measureRecorderCosts } = await import('./recorder-cost.ts');
    const recorder = await measureRecorderCosts(ctx.baseUrl);
    section.recorderCost = recorder.results;
    section.errors.push(...recorder.errors);
  },
} satisfies Suite;
