// Goodput against SLOs (parsing and judging) and the predicted tail of the slowest of N calls.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../../src/util/input-error.ts';
import type { StreamMetrics } from '../../src/llm/metrics.ts';
import { goodput, meetsSlo, parseSlo } from '../../src/llm/slo.ts';
import { maxOfNLevel, predictedMaxQuantile, tailAmplification } from '../../src/llm/tail.ts';

test('parseSlo reads name:ms pairs, and refuses anything else with one clear line', () => {
  assert.deepEqual(parseSlo('ttft:500,tpot:50,e2e:3000'), { ttftMs: 500, tpotMs: 50, e2eMs: 3000 });
  assert.deepEqual(parseSlo(' e2el:2500 , itl:80 '), { e2eMs: 2500, itlMs: 80 });
  const cases: Array<[string, RegExp]> = [
    ['', /expected name:ms pairs/],
    ['ttfb:5', /unknown SLO "ttfb"/],
    ['ttft:', /positive number of milliseconds/],
    ['ttft:-1', /positive number/],
    ['ttft:abc', /positive number/],
    ['ttft:5:6', /positive number/],
    ['ttft:5,ttft:6', /given twice/],
  ];
  for (const [text, message] of cases) {
    assert.throws(() => parseSlo(text), (error: unknown) => error instanceof InputError && message.test(error.message) && error.message.startsWith('--slo: '), text);
  }
});

const metrics = (ttftMs: number | null, tpotMs: number | null, e2eMs: number | null, itlMs: number[] = [], outputTokens = 10): StreamMetrics => ({
  ttftMs, tpotMs, e2eMs, itlMs, outputTokens, outputTokensPerSec: null,
});

test('a request is good only when every given SLO holds; failures and token-less answers are never good', () => {
  const slo = parseSlo('ttft:500,tpot:50');
  assert.equal(meetsSlo(metrics(400, 40, 9000), slo), true); // e2e not asked
  assert.equal(meetsSlo(metrics(501, 40, 900), slo), false);
  assert.equal(meetsSlo(metrics(400, 51, 900), slo), false);
  assert.equal(meetsSlo(metrics(null, null, null, [], 0), slo), false);
  assert.equal(meetsSlo(metrics(100, 10, 200, [10, 90]), parseSlo('itl:80')), false);
  const result = goodput(
    [
      { ok: true, metrics: metrics(400, 40, 900) },
      { ok: true, metrics: metrics(600, 40, 900) },
      { ok: false, metrics: metrics(100, 10, 200) },
      { ok: true, metrics: metrics(100, 10, 200) },
    ],
    slo,
    2000,
  );
  assert.deepEqual(result, { total: 4, good: 2, goodShare: 0.5, goodPerSec: 1 });
});

test('the max of N calls: its p-quantile is the single call quantile at p^(1/N)', () => {
  assert.equal(maxOfNLevel(0.5, 1), 0.5);
  assert.ok(Math.abs(maxOfNLevel(0.5, 2) - Math.SQRT1_2) < 1e-12);
  // Samples 1..101 ms: quantile q sits at 1 + 100q, so the prediction is exact to read.
  const samples = Array.from({ length: 101 }, (_, i) => 101 - i);
  assert.ok(Math.abs(predictedMaxQuantile(samples, 0.5, 10) - (1 + 100 * 0.5 ** 0.1)) < 1e-9);
  const tail = tailAmplification(samples, 0.5, 20);
  assert.equal(tail.singleMs, 51);
  assert.ok(Math.abs(tail.predictedMaxMs - (1 + 100 * 0.5 ** (1 / 20))) < 1e-9);
  assert.ok(tail.amplification > 1.9 && tail.amplification < 2, `${tail.amplification}`);
  assert.throws(() => maxOfNLevel(0.5, 0), RangeError);
  assert.throws(() => maxOfNLevel(1.5, 2), RangeError);
});
