import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseScaleFlags } from '../../../src/suites/scale/flags.ts';
import { InputError } from '../../../src/util/input-error.ts';

test('scale flags: lists of requests and concurrency, pairs; absent flags leave the defaults', () => {
  assert.deepEqual(parseScaleFlags({}), {});
  assert.deepEqual(parseScaleFlags({ 'scale-requests': ['1000,10000'], 'scale-concurrency': ['1000'], 'scale-pairs': '5' }), {
    requests: [1000, 10000],
    concurrency: [1000],
    pairs: 5,
  });
  assert.deepEqual(parseScaleFlags({ 'scale-recorder': true }), { recorder: true });
  assert.deepEqual(parseScaleFlags({ 'scale-recorder': false }), {});
});

test('scale flags: one clear error for a bad value', () => {
  assert.throws(() => parseScaleFlags({ 'scale-concurrency': ['5000'] }), (e: unknown) => e instanceof InputError && /--scale-concurrency: expected at most 1000, got 5000/.test(e.message));
  assert.throws(() => parseScaleFlags({ 'scale-pairs': '0' }), InputError);
  assert.throws(() => parseScaleFlags({ 'scale-requests': ['ten'] }), InputError);
});
