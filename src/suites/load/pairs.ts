// Interleaved pairs of runs against the delay server and the bare server: the order they run in
// (delay, bare, bare, delay, …, so a drift in what else the machine does weighs on both alike) and
// one req/s ratio per pair, whose median and range say more on a noisy machine than one merged ratio.
import { median } from '../../stats/median.ts';

export type Side = 'delay' | 'bare';

/** 2 × pairs runs: even pairs delay first, odd pairs bare first. */
export function pairOrder(pairs: number): Side[] {
  const order: Side[] = [];
  for (let pair = 0; pair < pairs; pair++) order.push(...(pair % 2 === 0 ? (['delay', 'bare'] as const) : (['bare', 'delay'] as const)));
  return order;
}

/** `over[i] / under[i]` for each pair both sides completed (the i-th run of each side form pair i),
 *  e.g. delay-server req/s over bare req/s; a pair whose divisor is not positive has no ratio. */
export function pairRatios(over: readonly number[], under: readonly number[]): number[] {
  const ratios: number[] = [];
  for (let pair = 0; pair < Math.min(over.length, under.length); pair++) {
    const divisor = under[pair]!;
    if (divisor > 0) ratios.push(over[pair]! / divisor);
  }
  return ratios;
}

/** The median of the pair ratios, null without any. */
export const pairRatioMedian = (ratios: readonly number[]): number | null => (ratios.length === 0 ? null : median(ratios));
