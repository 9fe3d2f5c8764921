import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ScaleMeasured } from '../../../src/suites/scale/model.ts';
import { generatorVerdict } from '../../../src/suites/bottleneck.ts';
import type { FloorRunner } from '../../../src/suites/scale/floor.ts';
import { measureInPairs, withFloor } from '../../../src/suites/scale/pairs.ts';

const run = (wallMs: number, clientBusy = 0.5): ScaleMeasured => ({
  state: 'measured',
  requests: 100,
  concurrency: 10,
  wallMs,
  idealMs: 500,
  wallOverIdeal: wallMs / 500,
  ok: 100,
  failed: 0,
  requestLatencyMs: { p50: 50, p99: 60, max: 70 },
  eventLoopDelayMs: { p50: 1, p99: 2, max: 3 },
  cpuMs: 10,
  loopUtilization: { client: clientBusy, server: 0.2 },
  rssBeforeBytes: 0,
  peakRssBytes: 0,
  heapBeforeBytes: 0,
  peakHeapBytes: 0,
  rssPerInFlightBytes: 0,
  liveHeapPerInFlightBytes: null,
});

test('pairs alternate which side goes first and keep the median harness run and the median pair ratio', async () => {
  const order: string[] = [];
  const harnessWalls = [600, 900, 700];
  const floorWalls = [500, 500, 600];
  const floor: FloorRunner = {
    run: async (requests, concurrency) => {
      assert.deepEqual([requests, concurrency], [100, 10]);
      order.push('F');
      return floorWalls.shift() ?? Number.NaN;
    },
    close: async () => {},
  };
  const point = await measureInPairs(
    async () => {
      order.push('H');
      return run(harnessWalls.shift() ?? Number.NaN);
    },
    floor,
    100,
    10,
    { pairs: 3, budgetMs: 60_000 },
  );
  assert.deepEqual(order, ['H', 'F', 'F', 'H', 'H', 'F']);
  assert.equal(point.wallMs, 700);
  assert.equal(point.floor?.wallMs, 500);
  assert.deepEqual(point.floor?.pairs.map((p) => p.first), ['harness', 'floor', 'harness']);
  // Ratios 1.2, 1.8, 1.1667: the median is 1.2.
  assert.equal(point.harnessOverFloor, 1.2);
  assert.equal(point.generatorBound, false);
  assert.equal(point.generatorBoundReason, null);
});

test('pairs come in couples (H F, F H): no new couple starts once the point has spent its budget; settle runs before every run', async () => {
  let floorRuns = 0;
  let settles = 0;
  const floor: FloorRunner = { run: async () => (floorRuns += 1) && 100, close: async () => {} };
  const point = await measureInPairs(async () => run(100), floor, 100, 10, { pairs: 5, budgetMs: 0, settle: () => void settles++ });
  assert.equal(floorRuns, 2);
  assert.deepEqual(point.floor?.pairs.map((p) => p.first), ['harness', 'floor']);
  assert.equal(settles, 4);
});

test('an even number of runs keeps the lower median run; a busy client loop or a high ratio is generator-bound', () => {
  const point = withFloor([run(800, 0.95), run(700, 0.3)], [
    { first: 'harness', harnessWallMs: 800, floorWallMs: 400 },
    { first: 'floor', harnessWallMs: 700, floorWallMs: 400 },
  ]);
  assert.equal(point.wallMs, 700);
  assert.equal(point.harnessOverFloor, 1.875);
  assert.equal(point.generatorBound, true);
  assert.equal(point.generatorBoundReason, 'harness 1.88× the no-harness floor (> 1.5×)');
  assert.deepEqual(generatorVerdict({ loopBusy: 0.9, harnessOverFloor: 1.5 }), {
    generatorBound: true,
    generatorBoundReason: 'client event loop 90% busy (≥ 90%)',
  });
  assert.deepEqual(generatorVerdict({ loopBusy: 0.89, harnessOverFloor: null }), { generatorBound: false, generatorBoundReason: null });
});
