import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RequestRecord } from '../../src/model/records.ts';
import { serviceTimeMs } from '../../src/suites/strategies/run-row.ts';

const base: RequestRecord = { index: 0, url: 'http://x/delay/1', queuedMs: 0, startMs: 0, endMs: 10, outcome: { kind: 'ok' }, bytes: 0 };

test('a request tried once needs the delay it was served', () => {
  assert.equal(serviceTimeMs({ ...base, serverDelayMs: 100 }), 100);
  assert.equal(serviceTimeMs(base), 0);
});

test('a retried request also needs the delay served on every earlier try and the wait after it', () => {
  const record: RequestRecord = {
    ...base,
    serverDelayMs: 100,
    attempts: 3,
    failedAttempts: [
      { startMs: 0, endMs: 5, outcome: { kind: 'http-error', status: 429 }, status: 429, serverDelayMs: 0, waitMs: 1000, retryAfter: true },
      { startMs: 1005, endMs: 1105, outcome: { kind: 'http-error', status: 503 }, status: 503, serverDelayMs: 100, waitMs: 37, retryAfter: false },
    ],
  };
  assert.equal(serviceTimeMs(record), 0 + 1000 + 100 + 37 + 100);
});
