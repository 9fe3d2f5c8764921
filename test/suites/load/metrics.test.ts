// Load points become higher-is-better req/s metrics; points whose server failed are left out.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { loadMetrics } from '../../../src/suites/load/metrics.ts';
import { LoadSectionSchema } from '../../../src/suites/load/model.ts';

const load = LoadSectionSchema.parse(JSON.parse(readFileSync(new URL('./fixtures/load-section.json', import.meta.url), 'utf8')));

test('each measured load point is one req/s metric with a stable id', () => {
  const metrics = loadMetrics(load);
  const measured = load.points.filter((p) => p.delayServer.state === 'measured');
  assert.ok(measured.length > 0);
  assert.equal(metrics.length, measured.length);
  for (const metric of metrics) {
    assert.match(metric.id, /^load\/[\w.]+\/c=\d+\/rps$/);
    assert.equal(metric.direction, 'higher');
    assert.equal(metric.unit, 'req/s');
    assert.ok(metric.value > 0);
  }
  assert.ok(metrics.some((m) => m.id.startsWith('load/get/')));
  assert.ok(metrics.some((m) => m.id.startsWith('load/delay_0.05/')));
});

test('a report without a load section has no load metrics', () => {
  assert.deepEqual(loadMetrics(undefined), []);
});
