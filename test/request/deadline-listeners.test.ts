// Tries started within one slot share a deadline signal; every client but undici's dispatch() adds a
// listener per try to it, so a wide fan-out must not draw Node's MaxListenersExceededWarning.
import assert from 'node:assert/strict';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { test } from 'node:test';
import { deadlines } from '../../src/request/deadlines.ts';

test('a slot shared by 50 tries takes a listener from each without a MaxListenersExceededWarning', async () => {
  const warnings: string[] = [];
  const onWarning = (warning: Error): void => void warnings.push(warning.name);
  process.on('warning', onWarning);
  try {
    const tries = deadlines(60_000);
    const started = Array.from({ length: 50 }, () => tries.start());
    const signals = new Set(started.map((deadline) => deadline.signal));
    assert.ok(signals.size < started.length, 'tries started together share a signal');
    for (const deadline of started) deadline.signal.addEventListener('abort', () => {});
    await nextTurn();
    await nextTurn();
    for (const deadline of started) tries.finish(deadline);
    assert.deepEqual(warnings.filter((name) => name === 'MaxListenersExceededWarning'), []);
  } finally {
    process.off('warning', onWarning);
  }
});
