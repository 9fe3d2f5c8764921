import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OpenSection } from '../../../src/suites/open/model.ts';
import { doublingRates, kneeReasons, sweepRates } from '../../../src/suites/open/knee.ts';
import { OPEN_DEFAULTS } from '../../../src/suites/open/options.ts';
import { emptyOpenSection } from '../../../src/suites/open/sweep.ts';
import { StepRecorder } from '../../../src/suites/open/step.ts';

const rule = { p99Factor: 2, dropFraction: 0.01, failFraction: 0.01 };

function stepWith(fromIntended: number[], extra: { dropped?: number; failed?: number } = {}) {
  const recorder = new StepRecorder(1);
  fromIntended.forEach((ms, index) => recorder.record({ index, intendedMs: 0, startMs: 0, endMs: ms, outcome: 'ok' }));
  for (let i = 0; i < (extra.failed ?? 0); i++) recorder.record({ index: 1000 + i, intendedMs: 0, startMs: 0, endMs: 1, outcome: 'timeout' });
  const started = fromIntended.length + (extra.failed ?? 0);
  const dropped = extra.dropped ?? 0;
  return recorder.step(100, { scheduled: started + dropped, started, dropped, wallMs: 1000 }, 0);
}

test('the doubling sweep runs from the start rate up to the maximum', () => {
  assert.deepEqual(doublingRates(100, 1000), [100, 200, 400, 800]);
  assert.deepEqual(doublingRates(100, 800), [100, 200, 400, 800]);
  assert.deepEqual(doublingRates(50, 50), [50]);
});

test('a step knees on p99 from intended start, on drops and on failures', () => {
  const calm = stepWith(Array.from({ length: 100 }, () => 50));
  assert.ok(calm.fromIntendedMs);
  assert.ok(Math.abs(calm.fromIntendedMs.p99 - 50) < 0.1);
  assert.deepEqual(kneeReasons(calm, 50, rule), []);
  const slow = stepWith(Array.from({ length: 100 }, (_, i) => (i < 95 ? 50 : 150)));
  assert.match(kneeReasons(slow, 50, rule).join(), /p99 from intended start 150\.\d ms > 2 × baseline 50\.0 ms/);
  assert.deepEqual(kneeReasons(slow, null, rule), []);
  assert.match(kneeReasons(stepWith(Array.from({ length: 98 }, () => 50), { dropped: 2 }), 50, rule).join(), /2 of 100 dropped/);
  assert.deepEqual(kneeReasons(stepWith(Array.from({ length: 99 }, () => 50), { dropped: 1 }), 50, rule), []);
  assert.match(kneeReasons(stepWith(Array.from({ length: 98 }, () => 50), { failed: 2 }), 50, rule).join(), /2 of 100 failed/);
});

test('the recorder keeps both latencies, the start lag and late starts, in microseconds', () => {
  const recorder = new StepRecorder(1);
  recorder.record({ index: 0, intendedMs: 0, startMs: 0.5, endMs: 10.5, outcome: 'ok' });
  recorder.record({ index: 1, intendedMs: 10, startMs: 40, endMs: 50, outcome: 'http-error' });
  recorder.record({ index: 2, intendedMs: 20, startMs: 40, endMs: 45, outcome: 'network-error' });
  const step = recorder.step(100, { scheduled: 4, started: 3, dropped: 1, wallMs: 50 }, 2);
  assert.deepEqual(step.byOutcome, { ok: 1, 'http-error': 1, 'network-error': 1, timeout: 0 });
  assert.equal(step.lateStarts, 2);
  assert.equal(step.achievedPerSec, 40);
  assert.ok(step.fromIntendedMs && step.fromActualMs && step.startLagMs);
  // Responses only: 10.5 and 40 ms from intended, 10 and 10 ms from actual.
  assert.ok(Math.abs(step.fromIntendedMs.max - 40) < 0.05);
  assert.ok(Math.abs(step.fromIntendedMs.p50 - 10.5) < 0.01);
  assert.ok(Math.abs(step.fromActualMs.max - 10) < 0.01);
  assert.ok(Math.abs(step.startLagMs.max - 30) < 0.05);
  assert.match(step.histograms.fromIntendedUs, /^HIST/);
});

function sectionFor(): OpenSection {
  return emptyOpenSection({ ...OPEN_DEFAULTS, baseUrl: 'http://127.0.0.1:1', client: 'undici', timeoutMs: 1000, timeScale: 1 });
}

/** A sweep whose n-th measured step has p99 (from intended start) `p99s[n]`. */
async function sweepWith(p99s: number[], rates: number[]) {
  const section = sectionFor();
  const measured: number[] = [];
  let saves = 0;
  await sweepRates(
    section,
    rates,
    async (ratePerSec) => {
      measured.push(ratePerSec);
      return stepWith(Array.from({ length: 100 }, () => p99s[measured.length - 1] ?? 50));
    },
    { onStep: async () => void saves++ },
  );
  return { section, measured, saves };
}

test('the sweep stops where a step and its repeat both cross the rule', async () => {
  const { section, measured, saves } = await sweepWith([50, 52, 120, 130], [100, 200, 400, 800]);
  assert.deepEqual(measured, [100, 200, 400, 400]);
  assert.deepEqual(section.steps.map((s) => s.repeat), [false, false, false, true]);
  assert.equal(section.kneeRatePerSec, 400);
  assert.equal(section.stopReason, 'knee');
  assert.equal(saves, 4);
});

test('a lone stall is repeated and passed, and a stalled first step does not raise the bar', async () => {
  // The first step stalled (200 ms); 150 ms at 400/s still crosses (> 2 × 50), its repeat does not.
  const { section, measured } = await sweepWith([200, 50, 150, 50, 52], [100, 200, 400, 800]);
  assert.deepEqual(measured, [100, 200, 400, 400, 800]);
  assert.deepEqual(section.steps.map((s) => s.kneeReasons.length > 0), [false, false, true, false, false]);
  assert.ok(Math.abs((section.baselineP99Ms ?? 0) - 50) < 0.1, `baseline ${section.baselineP99Ms}`);
  assert.equal(section.kneeRatePerSec, null);
  assert.equal(section.stopReason, 'max-rate');
});

test('an aborted sweep says so', async () => {
  const controller = new AbortController();
  const section = sectionFor();
  await sweepRates(
    section,
    [100, 200],
    async () => {
      controller.abort();
      return stepWith([50]);
    },
    { signal: controller.signal },
  );
  assert.equal(section.steps.length, 0);
  assert.equal(section.stopReason, 'aborted');
});
