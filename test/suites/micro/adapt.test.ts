import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import type { TaskResult } from 'tinybench';
import { MicroSectionSchema } from '../../../src/suites/micro/model.ts';
import { clientStackResults, sampled, schedulerResults } from '../../../src/suites/micro/adapt.ts';
import { assertGoldenAt } from '../../golden.ts';

// Results captured from tinybench 6.2.5 (samples not retained): two completed tasks and one that threw.
const captured = JSON.parse(await readFile(new URL('./fixtures/task-results.json', import.meta.url), 'utf8')) as Record<'fast' | 'slow' | 'broken', TaskResult>;

test('tinybench results become the micro section: ops/s from the mean, × vs slowest, errors kept', async () => {
  const stacks = clientStackResults([
    { client: 'a', description: 'stack a', path: '/get', result: captured.fast },
    { client: 'b', description: 'stack b', path: '/get', result: captured.slow },
    { client: 'c', description: 'stack c', path: '/get', result: captured.broken },
  ]);
  const schedulers = schedulerResults([{ strategy: 'pool', concurrency: 10, tasks: 100, result: captured.fast }]);
  const section = MicroSectionSchema.parse({ timeBudgetMs: 200, clients: stacks.results, schedulers: schedulers.results, errors: [...stacks.errors, ...schedulers.errors] });

  const fast = section.clients.find((row) => row.client === 'a');
  assert.ok(fast && captured.fast.state === 'completed');
  assert.equal(fast.opsPerSec, 1000 / captured.fast.latency.mean);
  assert.equal(fast.latencyMs.rme, captured.fast.latency.rme);
  // Noisy exactly when rme is above 5 %.
  for (const row of section.clients) assert.equal(row.noisy, row.latencyMs.rme > 5, `${row.client}: rme ${row.latencyMs.rme}`);
  assert.equal(section.clients.find((row) => row.client === 'b')?.vsSlowest, 1);
  assert.ok(fast.vsSlowest > 1);
  assert.deepEqual(section.errors, [{ kind: 'client', name: 'c', error: 'connection refused' }]);
  assert.equal(section.schedulers[0]?.perTaskMs, captured.fast.latency.mean / 100);
  assertGoldenAt(`${JSON.stringify(section, null, 2)}\n`, new URL('./fixtures/micro-section.golden.json', import.meta.url));
});

test('a task that never completed is an error, not a row', () => {
  assert.deepEqual(sampled(undefined), { ok: false, error: 'no result' });
  assert.deepEqual(sampled({ state: 'aborted' }), { ok: false, error: 'sampling ended in state aborted' });
  const empty = schedulerResults([{ strategy: 'all', concurrency: null, tasks: 10, result: { state: 'not-started' } }]);
  assert.deepEqual(empty, { results: [], errors: [{ kind: 'scheduler', name: 'all × 10', error: 'sampling ended in state not-started' }] });
});
