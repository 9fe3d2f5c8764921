import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ScaleSectionSchema } from '../../../src/suites/scale/model.ts';
import { runScaleSweep } from '../../../src/suites/scale/index.ts';
import { runScaleSweepThread } from '../../../src/suites/scale/thread.ts';
import { scaleTable } from '../../../src/suites/scale/table.ts';

test('a small real sweep: 100 requests at c = 10 measured against the threaded delay server, c = 1 skipped', async () => {
  const saved: number[] = [];
  const section = await runScaleSweep({
    client: 'undici',
    timeScale: 0.1,
    timeoutMs: 5000,
    budgetS: 0.2,
    jitWarmupRequests: 0,
    requests: [100],
    concurrency: [1, 10],
    onPoint: async (s) => void saved.push(s.points.length),
  });
  ScaleSectionSchema.parse(section);
  assert.equal(section.delayMs, 5);
  assert.equal(section.server, 'worker-thread');
  assert.equal(section.clientThread, 'main');
  assert.match(section.warmup, /^per point, two unmeasured rounds/);
  const [skipped, measured] = section.points;
  assert.deepEqual(skipped, {
    state: 'skipped',
    requests: 100,
    concurrency: 1,
    predictedIdealMs: 500,
    reason: 'predicted ideal 500 ms exceeds the 200 ms budget',
  });
  assert.equal(measured?.state, 'measured');
  if (measured?.state !== 'measured') return;
  assert.equal(measured.ok, 100);
  assert.equal(measured.failed, 0);
  // Ten rounds of the 5 ms delay the server says it served.
  assert.ok(Math.abs(measured.idealMs - 50) < 1, `ideal ${measured.idealMs}`);
  assert.ok(measured.wallMs >= measured.idealMs, `wall ${measured.wallMs} below ideal ${measured.idealMs}`);
  assert.equal(measured.wallOverIdeal, measured.wallMs / measured.idealMs);
  assert.ok(measured.peakRssBytes >= measured.rssBeforeBytes && measured.peakHeapBytes >= measured.heapBeforeBytes);
  assert.ok(measured.cpuMs > 0);
  assert.equal(measured.liveHeapPerInFlightBytes, null, 'too few in flight to read live heap');
  assert.ok(measured.loopUtilization.client > 0 && measured.loopUtilization.client <= 1);
  assert.ok(measured.loopUtilization.server !== null && measured.loopUtilization.server > 0 && measured.loopUtilization.server <= 1);
  assert.ok(measured.requestLatencyMs.p50 >= 5);
  // The floor ran the same point in the same run: four pairs, each floor run at least the ten rounds' ideal.
  assert.equal(measured.floor?.pairs.length, 4);
  for (const pair of measured.floor?.pairs ?? []) assert.ok(pair.floorWallMs >= 45, `floor ${pair.floorWallMs}`);
  assert.ok(measured.harnessOverFloor !== null && measured.harnessOverFloor !== undefined && measured.harnessOverFloor > 0);
  assert.equal(typeof measured.generatorBound, 'boolean');
  assert.deepEqual(saved, [2]);
});

test('the same sweep with its client on a worker thread posts each point back and the section at the end', async () => {
  const progress: string[] = [];
  const saved: number[] = [];
  const section = await runScaleSweepThread({
    client: 'undici-request',
    timeScale: 0.1,
    timeoutMs: 5000,
    requests: [50, 200],
    concurrency: [10, 200],
    budgetS: 0.03,
    youngGenerationMb: 32,
    jitWarmupRequests: 200,
    onProgress: (text) => progress.push(text),
    onPoint: async (s) => void saved.push(s.points.length),
  });
  ScaleSectionSchema.parse(section);
  assert.equal(section.clientThread, 'worker-thread');
  assert.equal(section.youngGenerationMb, 32);
  assert.equal(section.client, 'undici-request');
  const [point, , , wide] = section.points;
  assert.deepEqual(section.points.map((p) => p.state), ['measured', 'measured', 'skipped', 'measured']);
  if (point?.state !== 'measured' || wide?.state !== 'measured') return;
  assert.equal(point.ok, 50);
  assert.ok(Math.abs(point.idealMs - 25) < 1, `ideal ${point.idealMs}`);
  // 200 in flight: enough to read live heap per request, which is positive and well under a megabyte
  // (or no reading at all when GC noise outweighed it on a busy machine — never a negative one).
  const liveHeap = wide.liveHeapPerInFlightBytes;
  assert.ok(liveHeap === null || (liveHeap > 0 && liveHeap < 1024 * 1024), `live heap ${liveHeap}`);
  assert.deepEqual(saved, [1, 2, 4]);
  assert.deepEqual(progress, ['warming up…', '[1/4] 50 × c10…', '[2/4] 50 × c200…', '[4/4] 200 × c200…']);
  assert.match(section.warmup, /^once, 200 GET \/delay\/0 at c = 100; per point/);
});

test('an aborted threaded sweep stops and returns what it has', async () => {
  const controller = new AbortController();
  controller.abort();
  const section = await runScaleSweepThread({ client: 'undici', timeScale: 0.1, timeoutMs: 5000, requests: [50], concurrency: [10], signal: controller.signal });
  assert.deepEqual(section.points, []);
});

test('with the recorder, every measured harness run is also recorded through diagnostics_channel, and the section says so', async () => {
  const options = { client: 'undici', timeScale: 0.1, timeoutMs: 5000, budgetS: 1, jitWarmupRequests: 0, requests: [200], concurrency: [50], pairs: 2 } as const;
  const recorded = await runScaleSweep({ ...options, recorder: true });
  ScaleSectionSchema.parse(recorded);
  assert.equal(recorded.recorder, true);
  const [point] = recorded.points;
  // A run the recorder saw with a different count than the harness is an errored point, not a measured one.
  assert.equal(point?.state, 'measured', point?.state === 'errored' ? point.error : '');
  if (point?.state === 'measured') assert.equal(point.ok, 200);
  const plain = await runScaleSweep(options);
  assert.equal(plain.recorder, undefined);
  assert.match(scaleTable(recorded), /recorded through the diagnostics-channel recorder/);
  assert.doesNotMatch(scaleTable(plain), /diagnostics-channel recorder/);
});
