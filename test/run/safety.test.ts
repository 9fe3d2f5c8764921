import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../../src/util/input-error.ts';
import { assertTargetAllowed, assertWithinRemoteCaps, createRateGate, isLoopbackHost, isLoopbackUrl, REMOTE_CAPS } from '../../src/run/safety.ts';

test('isLoopbackHost: loopback addresses only, by address, never by resolving a name', () => {
  const loopback = ['localhost', 'LOCALHOST', '127.0.0.1', '127.1.2.3', '::1', '[::1]', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1', 'localhost.'];
  const remote = ['api.localhost', '0.0.0.0', '10.0.0.1', '192.0.2.1', '128.0.0.1', '127.0.0.256', '127.0.0', 'example.com', 'localhost.example.com', '::', '::2', '1.127.0.0.1', ''];
  for (const host of loopback) assert.equal(isLoopbackHost(host), true, host);
  for (const host of remote) assert.equal(isLoopbackHost(host), false, host);
  assert.equal(isLoopbackUrl('http://127.0.0.1:8080/x'), true);
  assert.equal(isLoopbackUrl('http://[::1]:80/'), true);
  assert.equal(isLoopbackUrl('https://api.openai.com/v1'), false);
  assert.equal(isLoopbackUrl('not a url'), false);
});

test('assertTargetAllowed: remote refused without allowRemote, reported as remote with it', () => {
  assert.deepEqual(assertTargetAllowed('http://127.0.0.1:1234', { allowRemote: false }), { remote: false });
  assert.throws(() => assertTargetAllowed('https://api.openai.com', { allowRemote: false, flag: 'url' }), (error) => error instanceof InputError && /^--url: api\.openai\.com is not a loopback/.test(error.message));
  assert.deepEqual(assertTargetAllowed('https://api.openai.com', { allowRemote: true }), { remote: true });
  assert.throws(() => assertTargetAllowed('file:///etc/passwd', { allowRemote: true }), InputError);
});

test('assertWithinRemoteCaps: total requests and rate', () => {
  assert.doesNotThrow(() => assertWithinRemoteCaps(REMOTE_CAPS.maxTotalRequests, REMOTE_CAPS.maxRequestsPerSec));
  assert.throws(() => assertWithinRemoteCaps(REMOTE_CAPS.maxTotalRequests + 1), /over the cap of 1000/);
  assert.throws(() => assertWithinRemoteCaps(1, REMOTE_CAPS.maxRequestsPerSec + 1), /rate 11\/s is over the cap of 10\/s/);
});

test('createRateGate spaces starts at least 1/rate apart, and an abort stops the wait', async () => {
  const gate = createRateGate(50);
  const started = performance.now();
  await Promise.all(Array.from({ length: 6 }, () => gate()));
  const tookMs = performance.now() - started;
  assert.ok(tookMs >= 95, `6 starts at 50/s take ≥ 100 ms (5 gaps of 20 ms), took ${tookMs}`);
  const slow = createRateGate(0.1);
  await slow();
  await assert.rejects(slow(AbortSignal.timeout(20)), { name: 'AbortError' });
});
