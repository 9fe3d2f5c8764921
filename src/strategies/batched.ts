import { chunkedMs } from './ideal.ts';
import { indices, type Strategy } from './strategy.ts';

/** Chunks of k, each awaited whole before the next starts: one slow call stalls its chunk. */
export const batched = {
  name: 'batched',
  description: 'chunks of k awaited one after another',
  takesConcurrency: true,
  async run(count, attempt, concurrency) {
    const results: unknown[] = [];
    const all = indices(count);
    for (let i = 0; i < count; i += concurrency) {
      const chunk = all.slice(i, i + concurrency);
      results.push(...(await Promise.all(chunk.map((j) => attempt(j).catch((error: unknown) => error)))));
    }
    return results;
  },
  idealMs: (serviceMs, concurrency) => chunkedMs(serviceMs, concurrency),
} satisfies Strategy;
