import assert from 'node:assert/strict';
import { test } from 'node:test';
import { httpErrorOf, parseGoDuration, rateLimitInfo } from '../../src/fanout/rate-limit-headers.ts';

test('Go durations as OpenAI sends them', () => {
  assert.equal(parseGoDuration('1s'), 1000);
  assert.equal(parseGoDuration('6m0s'), 360_000);
  assert.equal(parseGoDuration('12ms'), 12);
  assert.equal(parseGoDuration('1.5s'), 1500);
  assert.equal(parseGoDuration('1h2m3.5s'), 3_723_500);
  assert.equal(parseGoDuration('0'), 0);
  for (const bad of ['', 's', '5', '1x', '1s ms', '-1s']) assert.equal(parseGoDuration(bad), null, bad);
});

test('rate-limit headers from a fetch Headers and from a plain record', () => {
  const headers = new Headers({
    'x-ratelimit-limit-tokens': '600',
    'x-ratelimit-remaining-tokens': '100',
    'x-ratelimit-reset-tokens': '6m0s',
    'x-ratelimit-remaining-requests': '9',
    'x-ratelimit-reset-requests': '12ms',
  });
  assert.deepEqual(rateLimitInfo(headers), { limitTokens: 600, remainingTokens: 100, resetTokensMs: 360_000, remainingRequests: 9, resetRequestsMs: 12 });
  assert.deepEqual(rateLimitInfo({ 'retry-after-ms': '250', 'retry-after': '3' }), { retryAfterMs: 250 });
  assert.deepEqual(rateLimitInfo({ 'Retry-After': ['2'] }), { retryAfterMs: 2000 });
  assert.deepEqual(rateLimitInfo({ 'retry-after': 'Wed, 02 Dec 2026 09:00:05 GMT' }, Date.parse('2026-12-02T09:00:00Z')), { retryAfterMs: 5000 });
  assert.deepEqual(rateLimitInfo({ 'x-ratelimit-remaining-tokens': 'lots', 'x-ratelimit-reset-tokens': 'soon' }), {});
});

test('SDK errors: status and headers, anything else is not an HTTP error', () => {
  const error = Object.assign(new Error('429'), { status: 429, headers: new Headers({ 'retry-after-ms': '5' }) });
  assert.equal(httpErrorOf(error)?.status, 429);
  assert.equal(httpErrorOf(new Error('boom')), null);
  assert.equal(httpErrorOf({ status: '429' }), null);
});
