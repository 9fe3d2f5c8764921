import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hedged, LatencyHistory } from '../../src/fanout/hedged.ts';
import { FakeClock } from './fake-clock.ts';

/** A call whose attempts take the given times in turn; records start times and aborted attempts. */
function scripted(clock: FakeClock, timesMs: number[]) {
  const startsMs: number[] = [];
  const aborted: number[] = [];
  const call = (signal: AbortSignal): Promise<string> => {
    const attempt = startsMs.length;
    startsMs.push(clock.now());
    signal.addEventListener('abort', () => aborted.push(attempt));
    return clock.answer(timesMs[attempt] ?? 0, `attempt ${attempt}`, signal);
  };
  return { call, startsMs, aborted };
}

test('a slow call gets a duplicate after afterMs; the first answer wins and the loser is cancelled', async () => {
  const clock = new FakeClock();
  const script = scripted(clock, [500, 50]);
  const result = await clock.run(hedged(script.call, { afterMs: 100, maxHedges: 1, clock }));
  assert.deepEqual(result, { value: 'attempt 1', started: 2, winner: 1, latencyMs: 150 });
  assert.deepEqual(script.startsMs, [0, 100]);
  assert.deepEqual(script.aborted, [0]);
});

test('a fast call starts no hedge; maxHedges bounds the duplicates', async () => {
  const clock = new FakeClock();
  const fast = scripted(clock, [50]);
  assert.deepEqual(await clock.run(hedged(fast.call, { afterMs: 100, maxHedges: 3, clock })), { value: 'attempt 0', started: 1, winner: 0, latencyMs: 50 });
  const clock2 = new FakeClock();
  const script = scripted(clock2, [1000, 1000, 1000, 1000]);
  const result = await clock2.run(hedged(script.call, { afterMs: 100, maxHedges: 2, clock: clock2 }));
  assert.deepEqual(script.startsMs, [0, 100, 200]);
  assert.equal(result.started, 3);
  assert.equal(result.winner, 0);
  assert.deepEqual(script.aborted.sort(), [1, 2]);
});

test('afterQuantile hedges after the pNN of the history, only once it has minSamples', async () => {
  const clock = new FakeClock();
  const history = new LatencyHistory();
  const cold = scripted(clock, [500]);
  assert.equal((await clock.run(hedged(cold.call, { afterQuantile: 0.9, history, minSamples: 3, maxHedges: 1, clock }))).started, 1, 'too few samples: no hedge');
  assert.equal(history.size, 1);
  for (const ms of [10, 20, 30, 40, 50, 60, 70, 80, 90]) history.record(ms);
  // 10 … 90 and 500: the p90 lies a tenth of the way from 90 to 500.
  assert.ok(Math.abs((history.quantile(0.9) ?? 0) - 131) < 1e-9);
  const clock2 = new FakeClock();
  const warm = scripted(clock2, [1000, 10]);
  const result = await clock2.run(hedged(warm.call, { afterQuantile: 0.9, history, maxHedges: 1, clock: clock2 }));
  assert.ok(Math.abs((warm.startsMs[1] ?? 0) - 131) < 1e-9);
  assert.ok(Math.abs(result.latencyMs - 141) < 1e-9);
  assert.equal(history.size, 11, "the winner's own latency is recorded");
  assert.equal(history.quantile(0), 10);
});

test('rejects with the first error once every started attempt failed; an outer abort cancels all', async () => {
  const clock = new FakeClock();
  const failing = (signal: AbortSignal) => (signal.aborted ? Promise.reject(new Error('aborted')) : clock.fail(10, new Error('first')));
  await assert.rejects(clock.run(hedged(failing, { afterMs: 100, maxHedges: 1, clock })), /first/);

  const clock2 = new FakeClock();
  const script = scripted(clock2, [1000, 1000]);
  const outer = new AbortController();
  const work = hedged(script.call, { afterMs: 100, maxHedges: 1, signal: outer.signal, clock: clock2 });
  void clock2.sleep(150).then(() => outer.abort());
  await assert.rejects(clock2.run(work), /aborted/);
  assert.deepEqual(script.aborted.sort(), [0, 1]);
  await assert.rejects(hedged(script.call, { afterMs: 1, maxHedges: 1, signal: outer.signal }));
});

test('a call that throws before returning a promise rejects the hedged call', async () => {
  const clock = new FakeClock();
  await assert.rejects(clock.run(hedged(() => { throw new Error('sync'); }, { afterMs: 10, maxHedges: 1, clock })), /sync/);
});
