// A small real open-loop sweep through a real client against the delay server.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OpenSectionSchema, type OpenSection, type OpenStep } from '../../../src/suites/open/model.ts';
import { startDelayServer } from '../../../src/server/index.ts';
import { emptyOpenSection, kneeSide, runOpenSweep } from '../../../src/suites/open/sweep.ts';

test('a two-step open-loop sweep measures from intended and actual start', async () => {
  const server = await startDelayServer({ timeScale: 0.1 });
  try {
    const options = {
      baseUrl: server.url,
      client: 'undici' as const,
      timeoutMs: 2000,
      timeScale: 0.1,
      endpoint: '/delay/0.05',
      arrivals: 'constant' as const,
      burstiness: 1,
      seed: 3,
      startRatePerSec: 50,
      maxRatePerSec: 100,
      stepMaxS: 0.4,
      stepMaxRequests: 100,
      maxInFlight: 50,
    };
    const section = emptyOpenSection(options);
    let saves = 0;
    await runOpenSweep({ ...options, onStep: async () => void saves++ }, section);
    assert.deepEqual(OpenSectionSchema.parse(JSON.parse(JSON.stringify(section))), section);
    assert.ok(section.steps.length >= 2, `${section.steps.length} steps`);
    assert.equal(saves, section.steps.length);
    assert.deepEqual([section.steps[0]?.ratePerSec, section.steps.at(-1)?.ratePerSec], [50, 100]);
    assert.ok(section.stopReason === 'max-rate' || section.stopReason === 'knee');
    const first = section.steps[0]!;
    assert.equal(first.scheduled, 20);
    assert.equal(first.dropped, 0);
    assert.equal(first.byOutcome.ok, 20);
    assert.ok(first.fromIntendedMs && first.fromActualMs);
    // The server waits 5 ms; latency from the intended start is never below that from the actual start.
    assert.ok(first.fromActualMs.p50 >= 5, `p50 ${first.fromActualMs.p50}`);
    assert.ok(first.fromIntendedMs.max >= first.fromActualMs.max - 0.01);
    assert.equal(section.baselineP99Ms, Math.min(...section.steps.map((step) => step.fromIntendedMs?.p99 ?? Infinity)));
    // Every step also ran against the no-op target: the scheduler's own figures, nothing dropped at 50–100/s.
    for (const step of section.steps) {
      assert.ok(step.scheduler, `${step.ratePerSec}/s: no-op check`);
      assert.equal(step.scheduler.dropped, 0);
      assert.equal(step.scheduler.fellBehind, step.scheduler.reason !== null);
    }
    assert.equal(section.kneedSide === null, section.kneeRatePerSec === null);
  } finally {
    await server.close();
  }
});

test('which side kneed: the scheduler when it fell behind against the no-op target at the knee rate, else the server', () => {
  const check = (fellBehind: boolean) => ({
    achievedPerSec: 100,
    dropped: 0,
    startLagP99Ms: fellBehind ? 30 : 0.2,
    lateStarts: 0,
    eventLoopDelayP99Ms: 1,
    fellBehind,
    reason: fellBehind ? 'no-op target: start lag p99 30.0 ms > 10 ms' : null,
  });
  const step = (ratePerSec: number, fellBehind: boolean) => ({ ratePerSec, scheduler: check(fellBehind) }) as unknown as OpenStep;
  const base = { kneeRatePerSec: 400, steps: [step(100, false), step(200, true), step(400, false), step(400, false)] } as unknown as OpenSection;
  assert.deepEqual(kneeSide(base), { schedulerLimitPerSec: 200, kneedSide: 'server', generatorBound: false, generatorBoundReason: null });
  const bound = kneeSide({ ...base, steps: [step(100, false), step(400, false), step(400, true)] });
  assert.equal(bound.kneedSide, 'scheduler');
  assert.equal(bound.generatorBound, true);
  assert.match(bound.generatorBoundReason ?? '', /^at the knee \(400\/s\) the scheduler fell behind with nothing to wait for: no-op target: start lag p99 30\.0 ms/);
  assert.deepEqual(kneeSide({ ...base, kneeRatePerSec: null }), { schedulerLimitPerSec: 200, kneedSide: null, generatorBound: false, generatorBoundReason: null });
  // The scheduler keeps up alone, but in both knee steps the start lag is most of the tail: the client's loop kneed.
  const lagged = (lagP99: number) => ({ ...step(400, false), startLagMs: { p99: lagP99 }, fromIntendedMs: { p99: 200 } }) as unknown as OpenStep;
  const clientLoop = kneeSide({ ...base, steps: [step(100, false), lagged(150), lagged(120)] });
  assert.equal(clientLoop.kneedSide, 'client-loop');
  assert.equal(clientLoop.generatorBound, true);
  assert.match(clientLoop.generatorBoundReason ?? '', /start lag p99 was 75%, 60% of the p99 from intended start/);
  assert.equal(kneeSide({ ...base, steps: [step(100, false), lagged(150), lagged(50)] }).kneedSide, 'server', 'one knee step with a small lag: the server');
});
