import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decide } from '../../src/stats/decision.ts';

const rule = { alpha: 0.05, threshold: 0.05 };

test('lower is better: a significant rise beyond the threshold regresses, a fall improves', () => {
  assert.equal(decide({ ...rule, direction: 'lower', pValue: 0.001, ratio: { low: 1.08, high: 1.12 } }), 'regressed');
  assert.equal(decide({ ...rule, direction: 'lower', pValue: 0.001, ratio: { low: 0.85, high: 0.9 } }), 'improved');
});

test('higher is better: the same intervals mean the opposite', () => {
  assert.equal(decide({ ...rule, direction: 'higher', pValue: 0.001, ratio: { low: 1.08, high: 1.12 } }), 'improved');
  assert.equal(decide({ ...rule, direction: 'higher', pValue: 0.001, ratio: { low: 0.85, high: 0.9 } }), 'regressed');
});

test('not significant → unchanged, however large the change', () => {
  assert.equal(decide({ ...rule, direction: 'lower', pValue: 0.2, ratio: { low: 1.5, high: 2 } }), 'unchanged');
  assert.equal(decide({ ...rule, direction: 'lower', pValue: 0.05, ratio: { low: 1.5, high: 2 } }), 'unchanged');
});

test('significant but the interval reaches into the noise band → unchanged', () => {
  assert.equal(decide({ ...rule, direction: 'lower', pValue: 0.001, ratio: { low: 1.04, high: 1.2 } }), 'unchanged');
  assert.equal(decide({ ...rule, direction: 'lower', pValue: 0.001, ratio: { low: 0.9, high: 0.96 } }), 'unchanged');
  assert.equal(decide({ ...rule, threshold: 0.03, direction: 'lower', pValue: 0.001, ratio: { low: 1.04, high: 1.2 } }), 'regressed');
});
