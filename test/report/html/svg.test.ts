// The SVG helpers every chart is built from: scales, ticks and escaping.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { percentileCurve, ninesOf } from '../../../src/report/html/charts/load-percentiles.ts';
import { decadeTicks, esc, linearScale, logScale, niceTicks, px } from '../../../src/report/html/svg.ts';
import { latencyHistogramUs } from '../../../src/stats/hdr.ts';

describe('svg helpers', () => {
  it('niceTicks steps by 1, 2 or 5 × 10^n and covers the range', () => {
    assert.deepEqual(niceTicks(0, 3006, 8), [0, 500, 1000, 1500, 2000, 2500, 3000]);
    assert.deepEqual(niceTicks(0, 1, 5), [0, 0.2, 0.4, 0.6, 0.8, 1]);
    assert.deepEqual(niceTicks(-12, 25, 4), [-10, 0, 10, 20]);
    assert.deepEqual(niceTicks(5, 5, 4), [5]);
  });

  it('linear and log scales map their domain onto their range', () => {
    const x = linearScale([0, 200], [100, 500]);
    assert.equal(x(0), 100);
    assert.equal(x(100), 300);
    const y = logScale([1, 10_000], [400, 0]);
    assert.equal(y(1), 400);
    assert.equal(y(100), 200);
    assert.equal(y(0), 400, 'zero and below sit at the bottom of a log axis');
    assert.deepEqual(decadeTicks(1, 10_000), [1, 10, 100, 1000, 10_000]);
  });

  it('escapes markup and rounds coordinates to 0.1 px', () => {
    assert.equal(esc(`<a href="x">&'</a>`), '&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;');
    assert.equal(px(12.345), '12.3');
    assert.equal(px(-0.04), '0');
  });

  it('a percentile curve rises with the percentile and reaches as many nines as the count supports', () => {
    const h = latencyHistogramUs();
    for (let i = 1; i <= 1000; i++) h.recordValue(i * 1000);
    const curve = percentileCurve(h, 'test', 1000);
    assert.ok(curve);
    assert.equal(curve.count, 1000);
    const last = curve.points.at(-1);
    assert.ok(last && Math.abs(ninesOf(last[0], 5) - 3) < 1e-9, '1,000 values: up to 99.9%');
    for (let i = 1; i < curve.points.length; i++) assert.ok((curve.points[i]?.[1] ?? 0) >= (curve.points[i - 1]?.[1] ?? 0));
    assert.ok(Math.abs((curve.points[0]?.[1] ?? 0) - 1) < 0.01, 'p0 is the smallest value, 1 ms');
    assert.equal(percentileCurve(latencyHistogramUs(), 'empty', 1000), null);
  });
});
