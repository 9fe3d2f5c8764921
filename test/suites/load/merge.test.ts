import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { GeneratorReplySchema } from '../../../src/suites/load/autocannon-result.ts';
import type { GeneratorOutput } from '../../../src/suites/load/generator.ts';
import { mergeRuns } from '../../../src/suites/load/merge.ts';
import { decodeHistogram, encodeHistogram, latencyHistogramUs } from '../../../src/stats/hdr.ts';

const captured = JSON.parse(readFileSync(new URL('fixtures/generator-reply-delay-0.05-c100.json', import.meta.url), 'utf8')) as { reply: unknown; serverCpuMs: number };
const reply = GeneratorReplySchema.parse(captured.reply);
if (reply.kind !== 'result') throw new Error('fixture is not a result');
const real: GeneratorOutput = { result: reply.result, usage: reply.usage, serverCpuMs: captured.serverCpuMs };

function synthetic(latenciesMs: number[], wallMs: number, elu: number): GeneratorOutput {
  const h = latencyHistogramUs();
  for (const ms of latenciesMs) h.recordValue(ms);
  return {
    result: { ...real.result, latencies: encodeHistogram(h), totalCompletedRequests: latenciesMs.length, totalRequests: latenciesMs.length, errors: 1, duration: wallMs / 1000, statusCodeStats: { '200': { count: latenciesMs.length } } },
    usage: { wallMs, cpuUserMs: wallMs / 4, cpuSystemMs: 0, eventLoopUtilization: elu, eventLoopDelayP99Ms: elu * 10 },
    serverCpuMs: 10,
  };
}

test('one run merges to itself', () => {
  assert.equal(mergeRuns([real]), real);
  assert.throws(() => mergeRuns([]), RangeError);
});

test('runs merge by adding histograms and counts, weighting loop use by wall time', () => {
  const merged = mergeRuns([synthetic([10, 20, 30], 1000, 0.2), synthetic([40, 50, 60, 70], 3000, 0.6)]);
  const h = decodeHistogram(merged.result.latencies);
  assert.equal(h.totalCount, 7);
  assert.equal(h.maxValue, 70);
  assert.equal(h.getValueAtPercentile(50), 40);
  assert.equal(merged.result.totalCompletedRequests, 7);
  assert.equal(merged.result.errors, 2);
  assert.equal(merged.result.duration, 4);
  assert.deepEqual(merged.result.statusCodeStats, { '200': { count: 7 } });
  assert.equal(merged.usage.wallMs, 4000);
  assert.equal(merged.usage.cpuUserMs, 1000);
  assert.ok(Math.abs(merged.usage.eventLoopUtilization - 0.5) < 1e-12);
  assert.equal(merged.usage.eventLoopDelayP99Ms, 6);
  assert.equal(merged.serverCpuMs, 20);
});

test('merging a real run with itself doubles its counts and keeps its percentiles', () => {
  const merged = mergeRuns([real, real]);
  assert.equal(merged.result.totalCompletedRequests, 2 * real.result.totalCompletedRequests);
  const once = decodeHistogram(real.result.latencies);
  const twice = decodeHistogram(merged.result.latencies);
  for (const p of [50, 90, 99, 99.9, 100]) assert.equal(twice.getValueAtPercentile(p), once.getValueAtPercentile(p));
});
