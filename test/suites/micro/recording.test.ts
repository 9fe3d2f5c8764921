import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TaskResult } from 'tinybench';
import { recordingResults } from '../../../src/suites/micro/adapt-recording.ts';
import { MICRO_DEFAULTS } from '../../../src/suites/micro/options.ts';
import { measureRecording } from '../../../src/suites/micro/recording.ts';

test('the recording path is sampled with no network: µs per recorded request for each variant', async () => {
  const { results, errors } = await measureRecording({ timeMs: 5 });
  assert.deepEqual(errors, []);
  assert.deepEqual(results.map((row) => row.variant), ['plain (scale suite)', 'run signal + request ids (strategies suite)']);
  for (const row of results) {
    assert.equal(row.requests, MICRO_DEFAULTS.recording.requests);
    assert.ok(row.runMs.samplesCount >= MICRO_DEFAULTS.minIterations, `${row.variant}: ${row.runMs.samplesCount} runs`);
    assert.equal(row.perRequestMs, row.runMs.mean / row.requests);
  }
});

test('a variant that errored is listed as a recording error, not measured', () => {
  const errored = { state: 'errored', error: new Error('recorded 999 of 1000 requests') } as unknown as TaskResult;
  const { results, errors } = recordingResults([{ variant: 'plain', requests: 1000, concurrency: 100, result: errored }]);
  assert.deepEqual(results, []);
  assert.deepEqual(errors, [{ kind: 'recording', name: 'plain', error: 'recorded 999 of 1000 requests' }]);
});
