// Compare: per metric the change of the median (current ÷ baseline − 1) with the bootstrap CI of
// the ratio as a whisker, coloured by verdict, inside the ±threshold band that counts as noise.
import type { Comparison, MetricComparison } from '../../../compare/model.ts';
import { formatChange, formatCi, formatP, formatValue, VERDICT_LABEL } from '../../../compare/reporters/format.ts';
import { htmlTable, type Chart, type Figure } from '../figure.ts';
import { axes, esc, legend, linearScale, niceTicks, px, svgRoot, type Plot } from '../svg.ts';

const ROW_PX = 24;

export const compareMetricsChart = {
  name: 'compare',
  figures: (comparison: Comparison): Figure[] => (comparison.metrics.length === 0 ? [] : [figure(comparison)]),
} satisfies Chart<Comparison>;

const changePct = (ratio: number): number => (ratio - 1) * 100;

function figure(comparison: Comparison): Figure {
  const metrics = comparison.metrics;
  const labelPx = Math.min(420, 40 + 6.2 * Math.max(...metrics.map((m) => m.id.length)));
  const plot: Plot = { widthPx: 960, heightPx: 28 + metrics.length * ROW_PX + 44, left: labelPx, right: 930, top: 28, bottom: 28 + metrics.length * ROW_PX };
  const thresholdPct = comparison.settings.threshold * 100;
  const extent = metrics.flatMap((m) => [changePct(m.ratio), ...(m.ci ? [changePct(m.ci.low), changePct(m.ci.high)] : [])]).filter(Number.isFinite);
  const lo = Math.min(-thresholdPct * 2, ...extent);
  const hi = Math.max(thresholdPct * 2, ...extent);
  const pad = (hi - lo) * 0.05;
  const x = linearScale([lo - pad, hi + pad], [plot.left, plot.right]);
  const y = linearScale([0, metrics.length], [plot.top, plot.bottom]);
  const parts = [
    `<rect class="zone" x="${px(x(-thresholdPct))}" y="${plot.top}" width="${px(x(thresholdPct) - x(-thresholdPct))}" height="${plot.bottom - plot.top}"><title>${esc(`noise threshold ±${thresholdPct.toFixed(1)}%`)}</title></rect>`,
    axes(plot, { scale: x, ticks: niceTicks(lo - pad, hi + pad, 8), format: (v) => `${v > 0 ? '+' : ''}${v}%`, label: 'change of the median, current against baseline (%)' }, { scale: y, ticks: [], format: String, label: '' }),
    legend(
      [
        { cls: 'regressed', label: 'regressed' },
        { cls: 'improved', label: 'improved' },
        { cls: 'unchanged', label: 'unchanged' },
        { cls: 'whisker', label: `${comparison.settings.confidence * 100}% CI of the ratio`, shape: 'line' },
        { cls: 'zone', label: `noise band ±${thresholdPct.toFixed(1)}%` },
      ],
      plot,
    ),
  ];
  for (const [i, m] of metrics.entries()) parts.push(metricMark(m, x, y(i), plot));
  return {
    chart: 'compare',
    id: 'compare-metrics',
    title: 'Change per metric, current against baseline',
    note: 'A metric is regressed or improved only when the change is significant and its whole confidence interval lies beyond the noise band; lower is better for times, higher for throughput.',
    svg: svgRoot(plot, 'compare-metrics-title', parts.join('')),
    marks: metrics.length,
    table: htmlTable(
      'Medians, change, confidence interval, p-value and verdict per metric.',
      [{ label: 'metric' }, { label: 'baseline', numeric: true }, { label: 'current', numeric: true }, { label: 'change', numeric: true }, { label: 'CI of the ratio', numeric: true }, { label: 'p', numeric: true }, { label: 'verdict' }],
      metrics.map((m) => [m.id, formatValue(m.baseline.value, m.unit), formatValue(m.current.value, m.unit), formatChange(m.ratio), formatCi(m), formatP(m.pValue), VERDICT_LABEL[m.verdict]]),
    ),
  };
}

function metricMark(m: MetricComparison, x: (pct: number) => number, top: number, plot: Plot): string {
  const mid = px(top + ROW_PX / 2);
  const title = `${m.id}: baseline ${formatValue(m.baseline.value, m.unit)}, current ${formatValue(m.current.value, m.unit)}, change ${formatChange(m.ratio)}, CI ${formatCi(m)}, p ${formatP(m.pValue)}: ${VERDICT_LABEL[m.verdict]}`;
  const parts = [`<g class="mark"><title>${esc(title)}</title>`];
  parts.push(`<text class="tick" x="${plot.left - 6}" y="${mid}" dy="0.32em" text-anchor="end">${esc(m.id)}</text>`);
  if (m.ci) parts.push(`<line class="whisker" x1="${px(x(changePct(m.ci.low)))}" x2="${px(x(changePct(m.ci.high)))}" y1="${mid}" y2="${mid}"/>`);
  if (Number.isFinite(m.ratio)) parts.push(`<circle class="${m.verdict}" cx="${px(x(changePct(m.ratio)))}" cy="${mid}" r="5"/>`);
  parts.push('</g>');
  return parts.join('');
}
