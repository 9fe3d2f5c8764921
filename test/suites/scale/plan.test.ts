import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SCALE_DEFAULTS } from '../../../src/suites/scale/options.ts';
import { planPoints } from '../../../src/suites/scale/plan.ts';

test('ideal is ceil(N / c) delays; points over the budget are marked to skip', () => {
  const plan = planPoints(SCALE_DEFAULTS.requests, SCALE_DEFAULTS.concurrency, 50, 5000);
  assert.equal(plan.length, 16);
  const at = (n: number, c: number) => plan.find((p) => p.requests === n && p.concurrency === c);
  assert.deepEqual(at(10_000, 1_000), { requests: 10_000, concurrency: 1_000, predictedIdealMs: 500, skip: false });
  assert.deepEqual(at(100, 1), { requests: 100, concurrency: 1, predictedIdealMs: 5000, skip: false });
  assert.deepEqual(at(1_000, 1), { requests: 1_000, concurrency: 1, predictedIdealMs: 50_000, skip: true });
  assert.deepEqual(at(10, 1_000), { requests: 10, concurrency: 1_000, predictedIdealMs: 50, skip: false });
  assert.equal(planPoints([101], [10], 50, 5000)[0]?.predictedIdealMs, 550);
  assert.deepEqual(plan.filter((p) => p.skip).map((p) => `${p.requests}×${p.concurrency}`), ['1000×1', '10000×1', '10000×10']);
});
