// Wall time against the ideal makespan, one row per strategy row of a URL set: the median as a bar,
// every measured sample as a dot, min–max as a whisker, the ideal as a dashed tick (dotted, with ≥,
// when it is only the lower bound a variant's timeline proves).
import type { StrategyResult } from '../../../model/records.ts';
import type { Report } from '../../../model/report.ts';
import { formatMs, formatPct, formatSignedMs, idealCell, strategyLabel } from '../../format.ts';
import { htmlTable, slug, type Chart, type Figure } from '../figure.ts';
import { labelWidthPx } from './labels.ts';
import { axes, esc, legend, linearScale, px, svgRoot, type Plot } from '../svg.ts';

const WIDTH_PX = 960;
const ROW_PX = 30;

export const wallIdealChart = {
  name: 'wall-ideal',
  figures(report: Report): Figure[] {
    return report.fixtures.flatMap((fixture) => {
      const rows = report.strategies.filter((row) => row.fixture === fixture.name);
      return rows.length === 0 ? [] : [figure(fixture.name, rows)];
    });
  },
} satisfies Chart<Report>;

const isLowerBound = (row: StrategyResult): boolean => row.variant?.idealBasis === 'lower-bound';

function figure(fixture: string, rows: StrategyResult[]): Figure {
  const plot: Plot = { widthPx: WIDTH_PX, heightPx: 28 + rows.length * ROW_PX + 44, left: labelWidthPx(rows.map(strategyLabel)), right: WIDTH_PX - 24, top: 28, bottom: 28 + rows.length * ROW_PX };
  const maxMs = Math.max(1, ...rows.flatMap((row) => [row.wallMs.max, row.idealMs, ...row.wallMs.samples]));
  const x = linearScale([0, maxMs * 1.05], [plot.left, plot.right]);
  const y = linearScale([0, rows.length], [plot.top, plot.bottom]);
  const parts = [
    axes(plot, { scale: x, ticks: x.ticks(8), format: formatMs, label: 'wall time of one run (ms)' }, { scale: y, ticks: [], format: String, label: 'strategy' }),
    legend(
      [
        { cls: 's0', label: 'wall p50' },
        { cls: 'sample', label: 'each measured run' },
        { cls: 'whisker', label: 'min … max', shape: 'line' },
        { cls: 'ideal', label: 'ideal makespan', shape: 'dash' },
        ...(rows.some(isLowerBound) ? [{ cls: 'ideal bound', label: 'ideal ≥ (lower bound)', shape: 'line' as const }] : []),
      ],
      plot,
    ),
  ];
  for (const [i, row] of rows.entries()) {
    const top = y(i);
    const mid = px(top + ROW_PX / 2);
    const title = `${strategyLabel(row)}: wall p50 ${formatMs(row.wallMs.p50)} (${formatMs(row.wallMs.min)} … ${formatMs(row.wallMs.max)}, ${row.wallMs.samples.length} runs), ideal ${isLowerBound(row) ? `≥ ${formatMs(row.idealMs)} (lower bound)` : formatMs(row.idealMs)}, overhead ${formatSignedMs(row.overheadMs)}`;
    parts.push(`<g class="mark"><title>${esc(title)}</title>`);
    parts.push(`<text class="tick" x="${plot.left - 6}" y="${mid}" dy="0.32em" text-anchor="end">${esc(strategyLabel(row))}</text>`);
    parts.push(`<rect class="s0" fill-opacity="0.35" x="${plot.left}" y="${px(top + 7)}" width="${px(x(row.wallMs.p50) - plot.left)}" height="${ROW_PX - 14}"/>`);
    parts.push(`<line class="whisker" x1="${px(x(row.wallMs.min))}" x2="${px(x(row.wallMs.max))}" y1="${mid}" y2="${mid}"/>`);
    for (const sample of row.wallMs.samples) parts.push(`<circle class="sample" cx="${px(x(sample))}" cy="${mid}" r="3"/>`);
    const idealAt = px(x(row.idealMs));
    parts.push(`<line class="ideal${isLowerBound(row) ? ' bound' : ''}" x1="${idealAt}" x2="${idealAt}" y1="${px(top + 3)}" y2="${px(top + ROW_PX - 3)}"/>`);
    if (isLowerBound(row)) parts.push(`<text class="tick" x="${px(x(row.idealMs) + 3)}" y="${px(top + 8)}">≥</text>`);
    parts.push('</g>');
  }
  return {
    chart: 'wall-ideal',
    id: `wall-ideal-${slug(fixture)}`,
    title: `Wall time against the ideal makespan, ${fixture}`,
    note: 'The gap between the bar and the dashed tick is the overhead: time the strategy and client spent beyond the delays the server served.',
    svg: svgRoot(plot, `wall-ideal-${slug(fixture)}-title`, parts.join('')),
    marks: rows.length,
    table: htmlTable(
      `Wall time per row (${fixture}).`,
      [{ label: 'strategy' }, { label: 'wall p50', numeric: true }, { label: '± rme', numeric: true }, { label: 'min', numeric: true }, { label: 'max', numeric: true }, { label: 'ideal', numeric: true }, { label: 'overhead', numeric: true }, { label: 'runs', numeric: true }],
      rows.map((row) => [
        strategyLabel(row),
        formatMs(row.wallMs.p50),
        formatPct(row.wallMs.rme),
        formatMs(row.wallMs.min),
        formatMs(row.wallMs.max),
        idealCell(row),
        formatSignedMs(row.overheadMs),
        String(row.wallMs.samples.length),
      ]),
    ),
  };
}
