import assert from 'node:assert/strict';
import { test } from 'node:test';
import { harnessFailures } from '../../src/run/harness-failures.ts';
import type { Report } from '../../src/model/report.ts';
import { readFixture } from '../golden.ts';

const base = readFixture<Report>('report-lesson-agent.json');

test('a clean report has no harness failures; request failures (404s) are not harness failures', () => {
  assert.ok(base.strategies.some((row) => row.requests.failed > 0));
  assert.deepEqual(harnessFailures(base), []);
});

test('row errors, failed load runs, micro errors and errored scale points all count', () => {
  const failed = { state: 'failed' as const, error: 'generator exited' };
  const report = {
    ...base,
    errors: [{ fixture: 'agent', name: 'pool', concurrency: 3, client: 'undici', error: 'boom' }],
    load: { points: [{ endpoint: '/get', connections: 10, delayServer: failed, bare: failed }] },
    micro: { errors: [{ kind: 'client', name: 'fetch', error: 'ECONNRESET' }] },
    scale: { points: [{ state: 'errored', requests: 10, concurrency: 1, error: 'timeout' }] },
  } as unknown as Report;
  assert.deepEqual(harnessFailures(report), [
    'agent/pool: boom',
    'load /get c=10 (delay server): generator exited',
    'load /get c=10 (bare): generator exited',
    'micro client fetch: ECONNRESET',
    'scale 10×1: timeout',
  ]);
});
