// The strategy registry: adding a strategy is one file plus one line here.
import { allSettled } from './all-settled.ts';
import { all } from './all.ts';
import { batched } from './batched.ts';
import { poolRetry } from './pool-retry.ts';
import { pool } from './pool.ts';
import { sequential } from './sequential.ts';
import type { Strategy } from './strategy.ts';

export const strategies = {
  sequential,
  all,
  'all-settled': allSettled,
  pool,
  'pool-retry': poolRetry,
  batched,
} as const satisfies Record<string, Strategy>;

export type StrategyName = keyof typeof strategies;
export const STRATEGY_NAMES = Object.keys(strategies) as StrategyName[];
export type { Attempt, Strategy } from './strategy.ts';
