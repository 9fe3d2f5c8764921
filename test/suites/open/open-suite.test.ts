// A small real open-loop sweep through a real client against the delay server.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OpenSectionSchema } from '../../../src/suites/open/model.ts';
import { startDelayServer } from '../../../src/server/index.ts';
import { emptyOpenSection, runOpenSweep } from '../../../src/suites/open/sweep.ts';

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
  } finally {
    await server.close();
  }
});
