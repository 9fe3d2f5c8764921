import { maxMs } from './ideal.ts';
import { indices, type Strategy } from './strategy.ts';

/** Promise.all where each call catches its own error: asyncio.gather(return_exceptions=True). */
export const all = {
  name: 'all',
  description: 'Promise.all, each call catching its own error',
  takesConcurrency: false,
  run: (count, attempt) => Promise.all(indices(count).map((i) => attempt(i).catch((error: unknown) => error))),
  idealMs: (serviceMs) => maxMs(serviceMs),
} satisfies Strategy;
