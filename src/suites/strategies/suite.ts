import { createRateGate } from '../../safety.ts';
import type { Suite } from '../suite.ts';
import { runStrategySuite } from './index.ts';
import { RETRY_DEFAULTS } from './retry.ts';

export const strategySuite = {
  name: 'strategies',
  description: 'every strategy over each URL set, wall time against the ideal makespan',
  async run(ctx) {
    const { options } = ctx;
    await runStrategySuite({
      baseUrl: ctx.baseUrl,
      fixtures: options.fixtures,
      strategies: options.strategies,
      concurrency: options.concurrency,
      client: options.client,
      iterations: options.iterations,
      warmup: options.warmup,
      timeoutMs: options.timeoutMs,
      retry: { ...RETRY_DEFAULTS, ...options.retry, seed: options.seed ?? 1 },
      ...(options.rateCapPerSec === undefined ? {} : { beforeTry: createRateGate(options.rateCapPerSec) }),
      ...(options.signal ? { signal: options.signal } : {}),
      onProgress: (event) =>
        ctx.progress(
          `[${event.row + 1}/${event.rows}] ${event.label}  ` +
            (event.kind === 'row-start' ? 'starting…' : `run ${event.run}/${event.runsPerRow}  last ${event.wallMs.toFixed(1)} ms`),
        ),
      onFixtureDone: async (results, errors) => {
        ctx.report.strategies.push(...results);
        ctx.report.errors.push(...errors);
        await ctx.save();
      },
    });
  },
} satisfies Suite;
