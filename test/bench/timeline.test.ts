// What a variant's timeline proves: in-flight counts, idle time and the ideal it is held to.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inFlightFacts, toRequestRecord, variantIdeal } from '../../src/bench/timeline.ts';

test('in flight: max, time-weighted mean and idle time over the run', () => {
  // 0–10 one request, 10–20 two, 20–30 nothing, 30–40 one; wall 50.
  const facts = inFlightFacts(
    [
      { startMs: 0, endMs: 20 },
      { startMs: 10, endMs: 20 },
      { startMs: 30, endMs: 40 },
    ],
    50,
  );
  assert.equal(facts.maxInFlight, 2);
  assert.equal(facts.idleMs, 20);
  assert.equal(facts.meanInFlight, (10 * 1 + 10 * 2 + 10 * 1) / 50);
});

test('back-to-back requests are never two in flight', () => {
  assert.equal(inFlightFacts([{ startMs: 0, endMs: 5 }, { startMs: 5, endMs: 9 }], 9).maxInFlight, 1);
});

test('the ideal: the lower bound unless a schedule is declared, then that schedule\'s makespan', () => {
  const service = [30, 10, 20, 40];
  assert.deepEqual(variantIdeal(service, undefined), { idealMs: 40, basis: 'lower-bound', concurrency: null, lowerBoundMs: 40, sequentialMs: 100 });
  assert.equal(variantIdeal(service, 'sequential').idealMs, 100);
  assert.equal(variantIdeal(service, 'all').idealMs, 40);
  // k = 2 in order: workers take 30 and 10; 10 frees first and takes 20 (ends 30); 30 frees, takes 40 (ends 70).
  assert.deepEqual([variantIdeal(service, { pool: 2 }).idealMs, variantIdeal(service, { pool: 2 }).declared], [70, 'pool(2)']);
  // chunks of 2: max(30,10) + max(20,40).
  assert.equal(variantIdeal(service, { batched: 2 }).idealMs, 70);
  assert.equal(variantIdeal(service, { batched: 2 }).concurrency, 2);
});

test('a leaked request ends when the variant settled, marked leaked, with no invented status', () => {
  const record = toRequestRecord({ index: 0, method: 'GET', origin: 'http://127.0.0.1:1', path: '/delay/1', startMs: 2, leaked: true, incomplete: [] }, 12);
  assert.deepEqual(record, {
    index: 0,
    url: 'http://127.0.0.1:1/delay/1',
    queuedMs: 0,
    startMs: 2,
    endMs: 12,
    outcome: { kind: 'network-error', code: 'LEAKED', message: 'still in flight when the variant settled' },
    bytes: 0,
    method: 'GET',
    leaked: true,
  });
});
