import assert from 'node:assert/strict';
import { test } from 'node:test';
import { arrivalGaps } from '../../../src/suites/open/arrivals.ts';
import { runSchedule, type Completion, type ScheduleOptions, type SendOutcome } from '../../../src/suites/open/scheduler.ts';
import { FakeClock } from './fake-clock.ts';

const base: ScheduleOptions = { ratePerSec: 100, arrivals: 'constant', seed: 1, maxDurationMs: 10_000, maxRequests: 10, maxInFlight: 100 };

async function simulate(options: ScheduleOptions, latencyMs: (index: number) => number, clock = new FakeClock()) {
  const completions: Completion[] = [];
  const send = async (index: number): Promise<SendOutcome> => {
    await clock.after(latencyMs(index));
    return 'ok';
  };
  const result = await clock.run(runSchedule(options, clock, send, (c) => completions.push(c)));
  completions.sort((a, b) => a.index - b.index);
  return { result, completions, clock };
}

test('constant arrivals start on schedule and latency is the response time', async () => {
  const { result, completions } = await simulate(base, () => 5);
  assert.deepEqual(
    completions.map((c) => c.intendedMs),
    [0, 10, 20, 30, 40, 50, 60, 70, 80, 90],
  );
  assert.deepEqual(completions.map((c) => c.startMs), completions.map((c) => c.intendedMs));
  assert.deepEqual(new Set(completions.map((c) => c.endMs - c.intendedMs)), new Set([5]));
  assert.deepEqual({ scheduled: result.scheduled, started: result.started, dropped: result.dropped }, { scheduled: 10, started: 10, dropped: 0 });
  assert.equal(result.endMs, 95);
});

test('a stalled scheduler: latency from the intended start carries the stall, from the actual start does not', async () => {
  const clock = new FakeClock();
  clock.stalls = [[25, 60]];
  const { completions } = await simulate(base, () => 5, clock);
  const byIndex = (i: number): Completion => completions[i]!;
  // Requests due at 30, 40 and 50 ms could only start when the stall ended, at 60 ms.
  for (const [i, intendedMs] of [[3, 30], [4, 40], [5, 50]] as const) {
    assert.equal(byIndex(i).intendedMs, intendedMs);
    assert.equal(byIndex(i).startMs, 60);
    assert.equal(byIndex(i).endMs - byIndex(i).startMs, 5);
    assert.equal(byIndex(i).endMs - byIndex(i).intendedMs, 65 - intendedMs);
  }
  assert.equal(byIndex(6).startMs, 60);
  assert.equal(byIndex(7).startMs, 70);
});

test('requests due while maxInFlight are pending are dropped, not delayed', async () => {
  // 10 ms apart, 25 ms each, 2 in flight: the requests due at 20, 50 and 80 ms find both slots busy.
  const { result, completions } = await simulate({ ...base, maxInFlight: 2 }, () => 25);
  assert.deepEqual(completions.map((c) => c.index), [0, 1, 3, 4, 6, 7, 9]);
  assert.deepEqual({ scheduled: result.scheduled, started: result.started, dropped: result.dropped }, { scheduled: 10, started: 7, dropped: 3 });
  for (const c of completions) assert.equal(c.startMs, c.intendedMs);
});

test('a step is bounded by its duration and by its request count', async () => {
  const byDuration = await simulate({ ...base, maxRequests: 1000, maxDurationMs: 95 }, () => 1);
  assert.equal(byDuration.result.scheduled, 10);
  const byCount = await simulate({ ...base, ratePerSec: 1000, maxRequests: 5 }, () => 1);
  assert.equal(byCount.result.scheduled, 5);
  assert.equal(byCount.completions.at(-1)?.intendedMs, 4);
});

test('a rejected send counts as a network error and still completes', async () => {
  const clock = new FakeClock();
  const completions: Completion[] = [];
  const send = async (index: number): Promise<SendOutcome> => {
    await clock.after(3);
    if (index === 1) throw new Error('ECONNRESET');
    return index === 2 ? 'timeout' : 'ok';
  };
  const result = await clock.run(runSchedule({ ...base, maxRequests: 3 }, clock, send, (c) => completions.push(c)));
  assert.equal(result.started, 3);
  assert.deepEqual(completions.map((c) => c.outcome), ['ok', 'network-error', 'timeout']);
});

test('an aborted schedule stops scheduling and waits for what it started', async () => {
  const controller = new AbortController();
  const clock = new FakeClock();
  const completions: Completion[] = [];
  const send = async (index: number): Promise<SendOutcome> => {
    if (index === 2) controller.abort();
    await clock.after(50);
    return 'ok';
  };
  const result = await clock.run(runSchedule({ ...base, signal: controller.signal }, clock, send, (c) => completions.push(c)));
  assert.equal(result.scheduled, 3);
  assert.equal(completions.length, 3);
  assert.equal(result.endMs, 70);
});

test('Poisson arrivals are seeded, exponential, with the asked mean', async () => {
  const a = arrivalGaps('poisson', 1000, 7);
  const b = arrivalGaps('poisson', 1000, 7);
  const c = arrivalGaps('poisson', 1000, 8);
  const gaps = Array.from({ length: 20_000 }, () => a());
  assert.deepEqual(gaps.slice(0, 5), Array.from({ length: 5 }, () => b()));
  assert.notEqual(gaps[0], c());
  const mean = gaps.reduce((sum, g) => sum + g, 0) / gaps.length;
  assert.ok(Math.abs(mean - 1) < 0.03, `mean gap ${mean} ms`);
  // Exponential: about e^-1 of the gaps exceed the mean.
  const over = gaps.filter((g) => g > 1).length / gaps.length;
  assert.ok(Math.abs(over - Math.exp(-1)) < 0.02, `share over the mean ${over}`);
  assert.ok(gaps.every((g) => g >= 0 && Number.isFinite(g)));

  const { result, completions } = await simulate({ ...base, ratePerSec: 1000, arrivals: 'poisson', seed: 7, maxRequests: 5000, maxDurationMs: 1000 }, () => 2);
  assert.ok(result.scheduled > 900 && result.scheduled < 1100, `${result.scheduled} arrivals in 1 s at 1000/s`);
  for (const c of completions) assert.equal(c.startMs, c.intendedMs);
});
