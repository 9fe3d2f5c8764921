import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { strategies, type Attempt, type StrategyName } from '../../src/strategies/index.ts';

/** A fake attempt that takes `durationsMs[i]`, fails on odd indices, and watches how many run at once. */
function probe(durationsMs: number[]) {
  let inFlight = 0;
  const seen = { peak: 0, started: [] as number[], calls: new Map<number, number>() };
  const attempt: Attempt = async (i) => {
    seen.calls.set(i, (seen.calls.get(i) ?? 0) + 1);
    seen.started.push(i);
    inFlight += 1;
    seen.peak = Math.max(seen.peak, inFlight);
    await sleep(durationsMs[i] ?? 0);
    inFlight -= 1;
    if (i % 2 === 1) throw new Error(`request ${i} failed`);
    return i;
  };
  return { attempt, seen };
}

const durations = [30, 5, 5, 5, 30, 5];

describe('strategies schedule as their names say', () => {
  const expectedPeak: Record<StrategyName, number> = { sequential: 1, all: 6, 'all-settled': 6, pool: 2, 'pool-retry': 2, batched: 2 };
  for (const [name, peak] of Object.entries(expectedPeak) as [StrategyName, number][]) {
    it(`${name} calls every request exactly once, survives failures, peaks at ${peak} in flight`, async () => {
      const { attempt, seen } = probe(durations);
      await strategies[name].run(durations.length, attempt, 2);
      assert.equal(seen.calls.size, durations.length);
      for (const count of seen.calls.values()) assert.equal(count, 1);
      assert.equal(seen.peak, peak);
    });
  }

  it('pool refills a free worker at once while batched waits for the whole chunk', async () => {
    // [30, 5, 5, 5, 30, 5] with k=2: pool's ideal is 35 ms, batched's 30 + 5 + 30 = 65 ms.
    const time = async (name: StrategyName): Promise<number> => {
      const started = performance.now();
      await strategies[name].run(durations.length, probe(durations).attempt, 2);
      return performance.now() - started;
    };
    const poolMs = await time('pool');
    const batchedMs = await time('batched');
    assert.ok(batchedMs > poolMs + 10, `batched ${batchedMs.toFixed(1)} ms should be well above pool ${poolMs.toFixed(1)} ms`);
  });

  it('concurrent strategies beat sequential on the same work', async () => {
    const even = [20, 20, 20, 20];
    const time = async (name: StrategyName): Promise<number> => {
      const started = performance.now();
      await strategies[name].run(even.length, probe(even).attempt, 4);
      return performance.now() - started;
    };
    const sequentialMs = await time('sequential');
    const allMs = await time('all');
    assert.ok(allMs * 2 < sequentialMs, `all ${allMs.toFixed(1)} ms vs sequential ${sequentialMs.toFixed(1)} ms`);
  });
});
