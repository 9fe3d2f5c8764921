// A scale point measured in interleaved pairs: the harness run and the no-harness floor, alternating
// which goes first (H F, F H, …), so the machine's drift lands on both. The point keeps the harness
// run with the median wall and the median of the per-pair ratios.
import type { ScaleMeasured } from './model.ts';
import type { ScaleFloor } from './floor-model.ts';
import { median } from '../../stats/median.ts';
import { generatorVerdict } from '../bottleneck.ts';
import type { FloorRunner } from './floor.ts';

export interface PairPlan {
  /** At most this many pairs. */
  pairs: number;
  /** No new couple of pairs (H F then F H) starts once the point has spent this long. */
  budgetMs: number;
  /** Runs before every measured run of either side (a full GC), so no run inherits the garbage of the one before. */
  settle?: () => void;
}

export const FLOOR_ENGINE = 'undici Agent.dispatch(), empty handler, bare worker loop';

export async function measureInPairs(
  measureHarness: () => Promise<ScaleMeasured>,
  floor: FloorRunner,
  requests: number,
  concurrency: number,
  plan: PairPlan,
): Promise<ScaleMeasured> {
  const startMs = performance.now();
  const runs: ScaleMeasured[] = [];
  const pairs: ScaleFloor['pairs'] = [];
  // The first run of a pair tends to differ from the second (here it was slower on both sides), so
  // pairs come in couples, H F then F H, and the budget is checked only before a couple starts.
  for (let i = 0; i < plan.pairs && (i === 0 || i % 2 === 1 || performance.now() - startMs < plan.budgetMs); i++) {
    const harnessFirst = i % 2 === 0;
    const harness = (): Promise<ScaleMeasured> => (plan.settle?.(), measureHarness());
    const floorRun = (): Promise<number> => (plan.settle?.(), floor.run(requests, concurrency));
    let floorWallMs: number;
    let run: ScaleMeasured;
    if (harnessFirst) {
      run = await harness();
      floorWallMs = await floorRun();
    } else {
      floorWallMs = await floorRun();
      run = await harness();
    }
    runs.push(run);
    pairs.push({ first: harnessFirst ? 'harness' : 'floor', harnessWallMs: run.wallMs, floorWallMs });
  }
  return withFloor(runs, pairs);
}

/** The harness run with the median wall (the lower one for an even count), with the floor and verdict added. */
export function withFloor(runs: readonly ScaleMeasured[], pairs: ScaleFloor['pairs']): ScaleMeasured {
  const byWall = [...runs].sort((a, b) => a.wallMs - b.wallMs);
  const chosen = byWall[Math.floor((byWall.length - 1) / 2)];
  if (!chosen) throw new Error('a scale point needs at least one harness run');
  const harnessOverFloor = median(pairs.map((p) => p.harnessWallMs / p.floorWallMs));
  const ratio = Number.isFinite(harnessOverFloor) ? harnessOverFloor : null;
  return {
    ...chosen,
    floor: { engine: FLOOR_ENGINE, wallMs: median(pairs.map((p) => p.floorWallMs)), pairs },
    harnessOverFloor: ratio,
    ...generatorVerdict({ loopBusy: chosen.loopUtilization.client, harnessOverFloor: ratio }),
  };
}
