import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { LoadMeasurementSchema } from '../../../src/suites/load/model.ts';
import { encodeHistogram, latencyHistogramUs } from '../../../src/stats/hdr.ts';
import { GeneratorReplySchema } from '../../../src/suites/load/autocannon-result.ts';
import { generatorLoad, measurementFromAutocannon } from '../../../src/suites/load/adapt.ts';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8'));
// A real reply of the generator process: autocannon 9 at 100 connections on /delay/0.05 for 1 s.
const captured = fixture('generator-reply-delay-0.05-c100.json') as { reply: unknown; serverCpuMs: number };
const reply = GeneratorReplySchema.parse(captured.reply);
if (reply.kind !== 'result') throw new Error('fixture is not a result');

test('an autocannon result becomes the golden load measurement', () => {
  const measurement = measurementFromAutocannon(reply.result, reply.usage, captured.serverCpuMs, 0.9);
  assert.deepEqual(LoadMeasurementSchema.parse(measurement), measurement);
  assert.deepEqual(measurement, fixture('measurement-delay-0.05-c100.json'));
});

test('rates come from completed requests over autocannon duration', () => {
  const m = measurementFromAutocannon(reply.result, reply.usage, captured.serverCpuMs, 0.9);
  assert.equal(m.completed, 1659);
  assert.equal(m.requestsPerSec, 1659 / 1.05);
  assert.equal(m.bytesPerSec, 773094 / 1.05);
  assert.equal(m.serverCpuUsPerRequest, (captured.serverCpuMs * 1000) / 1659);
});

test('latency percentiles agree with autocannon reading its own histogram', () => {
  const autocannon = createRequire(import.meta.url)('autocannon') as {
    aggregateResult(results: unknown, opts: { url: string; connections: number }): { latency: Record<string, number> };
  };
  const own = autocannon.aggregateResult([(captured.reply as { result: unknown }).result], { url: 'http://127.0.0.1/', connections: 100 }).latency;
  const m = measurementFromAutocannon(reply.result, reply.usage, captured.serverCpuMs, 0.9);
  assert.ok(m.latencyMs);
  assert.equal(m.latencyMs.p50, own.p50);
  assert.equal(m.latencyMs.p90, own.p90);
  assert.equal(m.latencyMs.p99, own.p99);
  assert.equal(m.latencyMs.p999, own.p99_9);
  assert.equal(m.latencyMs.max, own.max);
  // A 50 ms delay cannot be answered faster than 50 ms.
  assert.ok(m.latencyMs.p50 >= 50, `p50 ${m.latencyMs.p50}`);
});

test('the generator counts as saturated at the threshold of CPU or event-loop use', () => {
  const usage = { wallMs: 1000, cpuUserMs: 700, cpuSystemMs: 200, eventLoopUtilization: 0.5, eventLoopDelayP99Ms: 1 };
  assert.equal(generatorLoad(usage, 0.9).cpuFraction, 0.9);
  assert.equal(generatorLoad(usage, 0.9).saturated, true);
  assert.equal(generatorLoad({ ...usage, cpuUserMs: 600 }, 0.9).saturated, false);
  assert.equal(generatorLoad({ ...usage, cpuUserMs: 100, eventLoopUtilization: 0.95 }, 0.9).saturated, true);
  assert.equal(generatorLoad(reply.usage, 0.9).saturated, false);
});

test('a run with no responses has no latency summary', () => {
  const empty = measurementFromAutocannon(
    { ...reply.result, latencies: encodeHistogram(latencyHistogramUs()), totalCompletedRequests: 0, errors: 12 },
    reply.usage,
    1,
    0.9,
  );
  assert.equal(empty.latencyMs, null);
  assert.equal(empty.serverCpuUsPerRequest, null);
  assert.equal(empty.errors, 12);
});
