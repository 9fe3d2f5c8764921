import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { deadlines, slotWidthMs } from '../../src/request/deadlines.ts';

test('a try past its deadline is aborted with a TimeoutError and marked timed out; settled tries are not', async () => {
  // Deadline timers are unref'd like AbortSignal.timeout's (a request in flight keeps the process up); here nothing else does.
  const keepAlive = setInterval(() => {}, 1000);
  const d = deadlines(100);
  const slow = d.start();
  const quick = d.start();
  d.finish(quick);
  await sleep(10);
  assert.equal(slow.signal.aborted, false);
  const later = d.start();
  const startedMs = performance.now();
  // When the first deadline passes, the try started 10+ ms later still has (most of) its own.
  const laterAbortedThen = await new Promise<boolean>((resolve) => slow.signal.addEventListener('abort', () => resolve(later.signal.aborted)));
  assert.equal(slow.timedOut, true);
  assert.equal((slow.signal.reason as DOMException).name, 'TimeoutError');
  assert.ok(laterAbortedThen === false || performance.now() - startedMs >= 99, 'the later try kept its own deadline');
  // quick started in slow's slot and shares its signal, but it had settled: it is not a timeout.
  assert.equal(quick.timedOut, false, 'a settled try is never timed out');
  await new Promise((resolve) => (later.signal.aborted ? resolve(undefined) : later.signal.addEventListener('abort', resolve)));
  assert.equal(later.timedOut, true);
  assert.ok(performance.now() - startedMs >= 99, 'not before its deadline');
  clearInterval(keepAlive);
});

test('tries started within one slot share a controller; a later slot gets its own and keeps its full timeout', async () => {
  const keepAlive = setInterval(() => {}, 1000);
  const timeoutMs = 60;
  assert.equal(slotWidthMs(timeoutMs), 1);
  assert.equal(slotWidthMs(10_000), 10);
  assert.equal(slotWidthMs(60_000), 10);
  const d = deadlines(timeoutMs);
  const a = d.start();
  const b = d.start();
  assert.equal(a.signal, b.signal, 'same slot, same signal');
  await sleep(20);
  const c = d.start();
  const cStartedMs = performance.now();
  assert.notEqual(c.signal, a.signal, 'a try 20 ms later opens a new slot');
  d.finish(a);
  await new Promise((resolve) => b.signal.addEventListener('abort', resolve));
  assert.equal(b.timedOut, true);
  assert.equal(a.timedOut, false);
  assert.equal(c.signal.aborted, false, "the later slot's deadline has not passed");
  await new Promise((resolve) => c.signal.addEventListener('abort', resolve));
  assert.ok(performance.now() - cStartedMs >= timeoutMs - 1, 'never before its own timeout');
  d.finish(b);
  d.finish(c);
  assert.equal(b.timedOut, true);
  assert.equal(c.timedOut, true);
  clearInterval(keepAlive);
});

test("the run's abort ends every live try, is not a timeout, and a try started after it starts aborted", async () => {
  const run = new AbortController();
  const d = deadlines(10_000, run.signal);
  const live = d.start();
  const settled = d.start();
  d.finish(settled);
  run.abort(new Error('interrupted'));
  assert.equal(live.signal.aborted, true);
  assert.equal(live.timedOut, false);
  assert.equal((live.signal.reason as Error).message, 'interrupted');
  // settled shares live's slot (and so its signal), but it had settled: neither a timeout nor live.
  assert.equal(settled.timedOut, false);
  const after = d.start();
  assert.equal(after.signal.aborted, true);
});

test('recorders made one after another on one run signal leave no abort listener behind once their tries settle', () => {
  const run = new AbortController();
  let added = 0;
  let removed = 0;
  const signal = run.signal;
  const add = signal.addEventListener.bind(signal);
  const remove = signal.removeEventListener.bind(signal);
  signal.addEventListener = ((...args: Parameters<typeof add>) => ((added += 1), add(...args))) as typeof add;
  signal.removeEventListener = ((...args: Parameters<typeof remove>) => ((removed += 1), remove(...args))) as typeof remove;
  for (let i = 0; i < 50; i++) {
    const d = deadlines(10_000, signal);
    const a = d.start();
    const b = d.start();
    d.finish(b);
    d.finish(a);
  }
  assert.equal(added, 50);
  assert.equal(removed, 50);
});
