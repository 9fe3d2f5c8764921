import { maxMs } from './ideal.ts';
import { indices, type Strategy } from './strategy.ts';

export const allSettled = {
  name: 'all-settled',
  description: 'Promise.allSettled over the raw calls',
  takesConcurrency: false,
  run: (count, attempt) => Promise.allSettled(indices(count).map((i) => attempt(i))),
  idealMs: (serviceMs) => maxMs(serviceMs),
} satisfies Strategy;
