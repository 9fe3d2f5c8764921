import { listScheduleMs } from './ideal.ts';
import type { Strategy } from './strategy.ts';

/** k workers pulling the next request from a shared queue as soon as they are free. */
export const pool = {
  name: 'pool',
  description: 'k workers pulling from a shared queue',
  takesConcurrency: true,
  async run(count, attempt, concurrency) {
    const results = new Array<unknown>(count);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < count) {
        const i = next++;
        try {
          results[i] = await attempt(i);
        } catch (error) {
          results[i] = error;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
    return results;
  },
  idealMs: (serviceMs, concurrency) => listScheduleMs(serviceMs, concurrency),
} satisfies Strategy;
