import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LoadMeasurement } from '../../../src/suites/load/model.ts';
import { littleEfficiency, littleLimitPerSec, servedDelayMsOf } from '../../../src/suites/load/little.ts';
import { loadPoint } from '../../../src/suites/load/run-load.ts';

test('the served delay of an endpoint follows the time scale and the server clamp', () => {
  assert.equal(servedDelayMsOf('/delay/0.05', 1), 50);
  assert.equal(servedDelayMsOf('/delay/2', 0.01), 20);
  assert.equal(servedDelayMsOf('/delay/.5/', 1), 500);
  assert.equal(servedDelayMsOf('/delay/1?x=1', 1), 1000);
  assert.equal(servedDelayMsOf('/delay/30', 1), 10_000);
  assert.equal(servedDelayMsOf('/delay/30', 0.1, 10), 1000);
  assert.equal(servedDelayMsOf('/get', 1), null);
  assert.equal(servedDelayMsOf('/delay/abc', 1), null);
});

test("Little's law: connections / delay, and efficiency against it", () => {
  assert.equal(littleLimitPerSec(100, 50), 2000);
  assert.equal(littleLimitPerSec(1000, 50), 20_000);
  assert.equal(littleLimitPerSec(1, 2.5), 400);
  assert.equal(littleLimitPerSec(10, null), null);
  assert.equal(littleLimitPerSec(10, 0), null);
  assert.equal(littleEfficiency(1945, 2000), 0.9725);
  assert.equal(littleEfficiency(1945, null), null);
});

const measured = (requestsPerSec: number): LoadMeasurement => ({
  state: 'measured',
  durationS: 2,
  completed: requestsPerSec * 2,
  sent: requestsPerSec * 2,
  requestsPerSec,
  bytesPerSec: 0,
  latencyMs: null,
  latencyHistogram: '',
  errors: 0,
  timeouts: 0,
  non2xx: 0,
  serverCpuUsPerRequest: null,
  generator: { cpuFraction: 0.5, eventLoopUtilization: 0.5, eventLoopDelayP99Ms: 0, saturated: false },
});

test('a point compares the delay server with the bare one and with the Little limit', () => {
  const point = loadPoint('/delay/0.05', 100, 50, measured(1800), measured(1900));
  assert.equal(point.littleLimitPerSec, 2000);
  assert.equal(point.littleEfficiency, 0.9);
  assert.equal(point.serverRatio, 1800 / 1900);
  const get = loadPoint('/get', 10, null, measured(9000), measured(10_000));
  assert.equal(get.littleLimitPerSec, null);
  assert.equal(get.littleEfficiency, null);
  assert.equal(get.serverRatio, 0.9);
});

test('a failed side leaves the ratio empty but keeps the point', () => {
  const point = loadPoint('/get', 10, null, measured(9000), { state: 'failed', error: 'load generator exited (SIGKILL)' });
  assert.equal(point.serverRatio, null);
  assert.equal(point.bare.state, 'failed');
  const noDelay = loadPoint('/delay/0.05', 10, 50, { state: 'failed', error: 'x' }, measured(190));
  assert.equal(noDelay.littleEfficiency, null);
  assert.equal(noDelay.littleLimitPerSec, 200);
});
