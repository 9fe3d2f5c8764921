import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Metric } from '../../src/compare/metrics/index.ts';
import { parseConfig } from '../../src/compare/thresholds/config.ts';
import { evaluateThresholds, statOf } from '../../src/compare/thresholds/evaluate.ts';
import { parseThreshold } from '../../src/compare/thresholds/parse.ts';
import { InputError } from '../../src/util/input-error.ts';

test('the documented grammar parses: <stat> <op> <number>', () => {
  const cases: Array<[string, string, string, number]> = [
    ['p50 < 2100', 'p50', '<', 2100],
    ['mean > 10000', 'mean', '>', 10000],
    ['p99<=5.5', 'p99', '<=', 5.5],
    ['  max >= 1e3 ', 'max', '>=', 1000],
    ['min == 0', 'min', '==', 0],
    ['median < -0.5', 'median', '<', -0.5],
    ['p90 > .25', 'p90', '>', 0.25],
    ['p95 < 40', 'p95', '<', 40],
  ];
  for (const [text, stat, op, limit] of cases) {
    const parsed = parseThreshold(text);
    assert.ok(parsed.ok, `${text}: ${parsed.ok ? '' : parsed.error}`);
    assert.deepEqual(parsed.rule, { expression: text.trim(), stat, op, limit });
  }
});

test('anything else is rejected, quoting the offending text', () => {
  const cases: Array<[string, string]> = [
    ['p75 < 3', 'unknown statistic "p75"'],
    ['p(95) < 200', 'unknown statistic "p(95)"'],
    ['rate < 0.01', 'unknown statistic "rate"'],
    ['p50 =< 3', 'unknown operator "=<"'],
    ['p50 != 3', 'unknown operator "!="'],
    ['p50 = 3', 'unknown operator "="'],
    ['p50 < 2s', '"2s" is not a number'],
    ['p50 < 0x10', '"0x10" is not a number'],
    ['p50 <', '"p50 <" is not "<stat> <op> <number>"'],
    ['', '"" is not "<stat> <op> <number>"'],
    ['p50 < 3 and p99 < 4', '"p50 < 3 and p99 < 4" is not "<stat> <op> <number>"'],
  ];
  for (const [text, message] of cases) {
    const parsed = parseThreshold(text);
    assert.equal(parsed.ok, false, text);
    if (!parsed.ok) assert.ok(parsed.error.includes(message), `${text}: ${parsed.error}`);
  }
});

const metric = (id: string, samples: number[], value = Number.NaN): Metric => ({ id, unit: 'ms', direction: 'lower', samples, value });

test('statistics are taken over the samples; a metric without samples has only its value', () => {
  const m = metric('a', [4, 1, 3, 2, 5]);
  assert.equal(statOf(m, 'p50'), 3);
  assert.equal(statOf(m, 'median'), 3);
  assert.equal(statOf(m, 'mean'), 3);
  assert.equal(statOf(m, 'min'), 1);
  assert.equal(statOf(m, 'max'), 5);
  assert.equal(statOf(m, 'p90'), 4.6);
  assert.equal(statOf(metric('b', [], 42), 'p99'), 42);
});

test('rules apply to every metric their glob matches; a glob matching nothing fails', () => {
  const metrics = [metric('strategies/lesson/pool/k=2/undici/wallMs', [40, 41, 42]), metric('strategies/lesson/all/k=-/undici/wallMs', [50, 51, 52])];
  const results = evaluateThresholds(metrics, [
    { pattern: 'strategies/lesson/*/*/undici/wallMs', rules: [{ expression: 'p50 < 45', stat: 'p50', op: '<', limit: 45 }] },
    { pattern: 'load/**', rules: [{ expression: 'mean > 1', stat: 'mean', op: '>', limit: 1 }] },
  ]);
  assert.deepEqual(
    results.map((r) => [r.metricId, r.actual, r.passed]),
    [
      ['strategies/lesson/pool/k=2/undici/wallMs', 41, true],
      ['strategies/lesson/all/k=-/undici/wallMs', 51, false],
      [null, null, false],
    ],
  );
});

test('config files are validated with errors naming the file and the field', () => {
  const ok = parseConfig({ thresholds: { 'strategies/**': ['p50 < 2100', 'max <= 3000'] } }, 'fanout-bench.config.json');
  assert.equal(ok.thresholds[0]?.rules.length, 2);
  const cases: Array<[unknown, string]> = [
    [{ thresholds: { 'strategies/**': ['p50 << 3'] } }, 'fanout-bench.config.json: thresholds["strategies/**"][0]: unknown operator "<<"'],
    [{ thresholds: { x: 'p50 < 3' } }, 'fanout-bench.config.json: thresholds.x:'],
    [{ thresholds: { x: [] } }, 'fanout-bench.config.json: thresholds.x:'],
    [{ threshold: {} }, 'fanout-bench.config.json:'],
    [[], 'fanout-bench.config.json:'],
  ];
  for (const [json, message] of cases) {
    assert.throws(
      () => parseConfig(json, 'fanout-bench.config.json'),
      (error: unknown) => error instanceof InputError && error.message.startsWith(message) && !error.message.includes('\n'),
      JSON.stringify(json),
    );
  }
});
