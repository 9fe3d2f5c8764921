// Merged load points drop each runner's pair ratios: they compare that runner's own runs only.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { mergeLoadSections } from '../../src/merge/load.ts';
import { LoadSectionSchema } from '../../src/suites/load/model.ts';

const section = LoadSectionSchema.parse(JSON.parse(readFileSync(new URL('../suites/load/fixtures/load-section.json', import.meta.url), 'utf8')));

test('a merged load point keeps no pair ratios; its serverRatio is the merged rates', () => {
  const withPairs = (ratios: number[]) => ({ ...section, points: section.points.slice(0, 1).map((p) => ({ ...p, pairRatios: ratios, pairRatioMedian: ratios[0]!, pairCpuRatios: ratios, pairCpuRatioMedian: ratios[0]! })) });
  const merged = mergeLoadSections([
    { source: 'a.json', value: withPairs([0.9]) },
    { source: 'b.json', value: withPairs([1.1]) },
  ]);
  const [point] = merged.points;
  assert.ok(point);
  assert.equal(point.pairRatios, undefined);
  assert.equal(point.pairRatioMedian, undefined);
  assert.equal(point.pairCpuRatios, undefined);
  assert.equal(point.pairCpuRatioMedian, undefined);
  assert.ok(point.serverRatio !== null && point.serverRatio > 0);
  assert.doesNotThrow(() => LoadSectionSchema.parse(merged));
});
