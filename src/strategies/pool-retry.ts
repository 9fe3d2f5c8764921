import { pool } from './pool.ts';
import type { Strategy } from './strategy.ts';

/** The pool's schedule with the harness retrying failed calls (backoff with full jitter, Retry-After, budget). */
export const poolRetry = {
  ...pool,
  name: 'pool-retry',
  description: 'k workers pulling from a shared queue; failed calls retried with backoff',
  retries: true,
} satisfies Strategy;
