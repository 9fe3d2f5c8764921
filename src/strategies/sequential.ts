import { sumMs } from './ideal.ts';
import type { Strategy } from './strategy.ts';

export const sequential = {
  name: 'sequential',
  description: 'one await after another: Call 1 -> Call 2 -> …',
  takesConcurrency: false,
  async run(count, attempt) {
    const results: unknown[] = [];
    for (let i = 0; i < count; i++) {
      try {
        results.push(await attempt(i));
      } catch (error) {
        results.push(error);
      }
    }
    return results;
  },
  idealMs: (serviceMs) => sumMs(serviceMs),
} satisfies Strategy;
