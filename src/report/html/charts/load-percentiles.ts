// Load: latency by percentile from each point's merged HDR histogram, on HdrHistogram's
// "percentile distribution" axis (1 / (1 − p), log-scaled: 90%, 99%, 99.9% equally spaced).
import type { LoadOutcome, LoadSection } from '../../../suites/load/model.ts';
import type { Report } from '../../../model/report.ts';
import { decodeHistogram, type Histogram } from '../../../stats/hdr.ts';
import { formatMs } from '../../format.ts';
import { htmlTable, slug, type Chart, type Figure } from '../figure.ts';
import { seriesClass } from '../page.ts';
import { axes, esc, legend, linearScale, niceTicks, px, svgRoot, type Plot } from '../svg.ts';

/** Points per decade of 1 / (1 − p). */
const STEPS_PER_NINE = 12;
const MAX_NINES = 5;

export interface PercentileCurve {
  label: string;
  /** [percentile 0–100, latency] pairs, percentile rising. */
  points: Array<[number, number]>;
  count: number;
}

/** The curve of a histogram up to as many nines as its count supports; values divided by unitsPerMs. */
export function percentileCurve(histogram: Histogram, label: string, unitsPerMs: number): PercentileCurve | null {
  const count = histogram.totalCount;
  if (count === 0) return null;
  const nines = Math.min(MAX_NINES, Math.max(1, Math.ceil(Math.log10(count))));
  const points: Array<[number, number]> = [];
  for (let k = 0; k <= nines * STEPS_PER_NINE; k++) {
    const percentile = 100 * (1 - 10 ** (-k / STEPS_PER_NINE));
    points.push([percentile, histogram.getValueAtPercentile(percentile) / unitsPerMs]);
  }
  return { label, points, count };
}

/** x of a percentile on the log 1 / (1 − p) axis, capped at `nines`. */
export const ninesOf = (percentile: number, nines: number): number => Math.min(nines, -Math.log10(Math.max(1 - percentile / 100, 10 ** -nines)));

/** A percentile-distribution figure: latency (ms) against percentile, one curve (one mark) each. */
export function percentileFigure(chart: string, id: string, title: string, note: string, curves: PercentileCurve[]): Figure {
  const plot: Plot = { widthPx: 960, heightPx: 360, left: 80, right: 944, top: 28, bottom: 316 };
  const nines = Math.max(1, ...curves.map((c) => Math.round(ninesOf(c.points.at(-1)?.[0] ?? 0, MAX_NINES))));
  const maxMs = Math.max(1, ...curves.flatMap((c) => c.points.map(([, ms]) => ms)));
  const x = linearScale([0, nines], [plot.left, plot.right]);
  const y = linearScale([0, maxMs * 1.05], [plot.bottom, plot.top]);
  const ticks = Array.from({ length: nines + 1 }, (_, i) => i);
  const parts = [
    axes(plot, { scale: x, ticks, format: (n) => (n === 0 ? '0%' : `${(100 - 100 / 10 ** n).toFixed(Math.max(0, n - 2))}%`), label: 'percentile (log scale of 1 / (1 − p))' }, { scale: y, ticks: niceTicks(0, maxMs * 1.05, 6), format: formatMs, label: 'latency (ms)' }),
    legend(curves.map((c, i) => ({ cls: seriesClass(i), label: c.label, shape: 'line' as const })), plot),
  ];
  for (const [i, curve] of curves.entries()) {
    const d = curve.points.map(([p, ms], j) => `${j === 0 ? 'M' : 'L'}${px(x(ninesOf(p, nines)))},${px(y(ms))}`).join('');
    const at = (p: number): string => formatMs(curve.points.find(([q]) => q >= p)?.[1] ?? Number.NaN);
    const hover = `${curve.label}: p50 ${at(50)}, p90 ${at(90)}, p99 ${at(99)}, max ${at(100 - 1e-9)} over ${curve.count.toLocaleString('en-US')} requests`;
    parts.push(`<path class="mark line ${seriesClass(i)}" d="${d}"><title>${esc(hover)}</title></path>`);
  }
  const stat = (curve: PercentileCurve, p: number): string => {
    const found = curve.points.find(([q]) => q >= p - 1e-9);
    return found ? formatMs(found[1]) : '–';
  };
  return {
    chart,
    id,
    title,
    note,
    svg: svgRoot(plot, `${id}-title`, parts.join('')),
    marks: curves.length,
    table: htmlTable(
      `Latency percentiles per curve (${title}).`,
      [{ label: 'curve' }, { label: 'requests', numeric: true }, { label: 'p50', numeric: true }, { label: 'p90', numeric: true }, { label: 'p99', numeric: true }, { label: 'p99.9', numeric: true }],
      curves.map((c) => [c.label, c.count.toLocaleString('en-US'), stat(c, 50), stat(c, 90), stat(c, 99), stat(c, 99.9)]),
    ),
  };
}

export const loadPercentilesChart = {
  name: 'load-percentiles',
  figures(report: Report): Figure[] {
    const section = report.load;
    if (!section) return [];
    return [...new Set(section.points.map((p) => p.endpoint))].flatMap((endpoint) => {
      const curves = loadCurves(section, endpoint);
      return curves.length === 0
        ? []
        : [
            percentileFigure(
              'load-percentiles',
              `load-percentiles-${slug(endpoint)}`,
              `Load: latency by percentile, ${endpoint}`,
              'From the merged HDR histogram of each point (autocannon records whole milliseconds). Each curve is one server at one number of connections.',
              curves,
            ),
          ];
    });
  },
} satisfies Chart<Report>;

function loadCurves(section: LoadSection, endpoint: string): PercentileCurve[] {
  const curves: PercentileCurve[] = [];
  for (const point of section.points.filter((p) => p.endpoint === endpoint)) {
    for (const [server, outcome] of [['delay server', point.delayServer], ['bare', point.bare]] as Array<[string, LoadOutcome]>) {
      if (outcome.state !== 'measured' || outcome.latencyHistogram === '') continue;
      const curve = percentileCurve(decodeHistogram(outcome.latencyHistogram), `${point.connections} conns, ${server}`, 1);
      if (curve) curves.push(curve);
    }
  }
  return curves;
}
