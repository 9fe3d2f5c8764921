// The strategy registry: adding a strategy is one file plus one line here.
import { allSettled } from './all-settled.ts';
import { all } from './all.ts';
import { batched } from './batched.ts';
import { poolRetry } from './pool-retry.ts';
import { pool } from './pool.ts';
import { sequential } from './sequential.ts';
import type { Strategy } from './strategy.ts';

const registry = {
  sequential,
  all,
  'all-settled': allSettled,
  pool,
  'pool-retry': poolRetry,
  batched,
} satisfies Record<string, Strategy>;

export type StrategyName = keyof typeof registry;
/** Widened to the interface so callers use every strategy the same way. */
export const strategies: Record<StrategyName, Strategy> = registry;
export const STRATEGY_NAMES = Object.keys(strategies) as StrategyName[];
/** The lesson's comparison; pool-retry only differs from pool where requests fail and is asked for by name. */
export const DEFAULT_STRATEGIES: StrategyName[] = ['sequential', 'all', 'all-settled', 'pool', 'batched'];
export type { Attempt, Strategy } from './strategy.ts';
