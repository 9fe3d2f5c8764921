// Server-Timing text: remembered for a repeated delay, never reused for another one.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { servedDelayMs, serverTiming } from '../../src/protocol/server-timing.ts';

test('each call gets the text of its own arguments, whatever was asked before', () => {
  const cases: Array<[number, number | undefined, string | undefined, string]> = [
    [50, 50, undefined, 'initial_delay;dur=50.00;desc="initial delay"'],
    [50, 50, undefined, 'initial_delay;dur=50.00;desc="initial delay"'],
    [0, 50, 'skipped for warm-up', 'initial_delay;dur=0.00;desc="initial delay", requested_delay;dur=50.00;desc="skipped for warm-up"'],
    [0, 50, undefined, 'initial_delay;dur=0.00;desc="initial delay", requested_delay;dur=50.00;desc="clamped to max delay"'],
    [0, undefined, undefined, 'initial_delay;dur=0.00;desc="initial delay"'],
    [10000, 20000, undefined, 'initial_delay;dur=10000.00;desc="initial delay", requested_delay;dur=20000.00;desc="clamped to max delay"'],
    [50, 50, undefined, 'initial_delay;dur=50.00;desc="initial delay"'],
  ];
  for (const [servedMs, requestedMs, why, expected] of cases) {
    assert.equal(serverTiming(servedMs, requestedMs, why), expected);
    assert.equal(servedDelayMs(expected), servedMs);
  }
});
