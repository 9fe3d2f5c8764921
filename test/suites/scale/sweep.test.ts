import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ScaleSectionSchema } from '../../../src/model-scale.ts';
import { runScaleSweep } from '../../../src/suites/scale/index.ts';

test('a small real sweep: 100 requests at c = 10 measured against the threaded delay server, c = 1 skipped', async () => {
  const saved: number[] = [];
  const section = await runScaleSweep({
    client: 'undici',
    timeScale: 0.1,
    timeoutMs: 5000,
    budgetS: 0.2,
    requests: [100],
    concurrency: [1, 10],
    onPoint: async (s) => void saved.push(s.points.length),
  });
  ScaleSectionSchema.parse(section);
  assert.equal(section.delayMs, 5);
  assert.equal(section.server, 'worker-thread');
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
  assert.ok(measured.loopUtilization.client > 0 && measured.loopUtilization.client <= 1);
  assert.ok(measured.loopUtilization.server !== null && measured.loopUtilization.server > 0 && measured.loopUtilization.server <= 1);
  assert.ok(measured.requestLatencyMs.p50 >= 5);
  assert.deepEqual(saved, [2]);
});
