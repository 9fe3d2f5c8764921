// Speedup against sequential within each URL set: measured (bar) and ideal (dashed tick, the
// sequential ideal over this row's ideal), with 1× marked.
import type { StrategyResult } from '../../../model/records.ts';
import type { Report } from '../../../model/report.ts';
import { formatRatio, strategyLabel } from '../../format.ts';
import { htmlTable, type Chart, type Figure } from '../figure.ts';
import { axes, esc, legend, linearScale, px, svgRoot, type Plot } from '../svg.ts';

const WIDTH_PX = 960;
const ROW_PX = 26;

export const speedupChart = {
  name: 'speedup',
  figures(report: Report): Figure[] {
    const rows = report.strategies.filter((row) => row.speedup !== null);
    return rows.length === 0 ? [] : [figure(report, rows)];
  },
} satisfies Chart<Report>;

/** Sequential's ideal over this row's: the speedup a zero-overhead client would get. */
function idealSpeedup(report: Report, row: StrategyResult): number | null {
  const sequential = report.strategies.find((r) => r.fixture === row.fixture && r.name === 'sequential');
  return sequential && row.idealMs > 0 ? sequential.idealMs / row.idealMs : null;
}

function figure(report: Report, rows: StrategyResult[]): Figure {
  const label = (row: StrategyResult): string => `${row.fixture} / ${strategyLabel(row)}`;
  const plot: Plot = { widthPx: WIDTH_PX, heightPx: 28 + rows.length * ROW_PX + 44, left: 200, right: WIDTH_PX - 24, top: 28, bottom: 28 + rows.length * ROW_PX };
  const maxX = Math.max(1, ...rows.flatMap((row) => [row.speedup ?? 0, idealSpeedup(report, row) ?? 0]));
  const x = linearScale([0, maxX * 1.08], [plot.left, plot.right]);
  const y = linearScale([0, rows.length], [plot.top, plot.bottom]);
  const parts = [
    axes(plot, { scale: x, ticks: x.ticks(8), format: (v) => `${v}×`, label: 'speedup: sequential wall p50 ÷ this row’s (×)' }, { scale: y, ticks: [], format: String, label: 'URL set / strategy' }),
    legend([{ cls: 's2', label: 'measured speedup' }, { cls: 'ideal', label: 'ideal speedup', shape: 'dash' }], plot),
  ];
  const one = px(x(1));
  parts.push(`<line class="axis" x1="${one}" x2="${one}" y1="${plot.top}" y2="${plot.bottom}"/>`);
  for (const [i, row] of rows.entries()) {
    const top = y(i);
    const ideal = idealSpeedup(report, row);
    parts.push(`<g class="mark"><title>${esc(`${label(row)}: ${formatRatio(row.speedup)} measured, ${formatRatio(ideal)} ideal`)}</title>`);
    parts.push(`<text class="tick" x="${plot.left - 6}" y="${px(top + ROW_PX / 2)}" dy="0.32em" text-anchor="end">${esc(label(row))}</text>`);
    parts.push(`<rect class="s2" x="${plot.left}" y="${px(top + 5)}" width="${px(x(row.speedup ?? 0) - plot.left)}" height="${ROW_PX - 10}"/>`);
    if (ideal !== null) parts.push(`<line class="ideal" x1="${px(x(ideal))}" x2="${px(x(ideal))}" y1="${px(top + 2)}" y2="${px(top + ROW_PX - 2)}"/>`);
    parts.push('</g>');
  }
  return {
    chart: 'speedup',
    id: 'speedup',
    title: 'Speedup against sequential, per URL set',
    svg: svgRoot(plot, 'speedup-title', parts.join('')),
    marks: rows.length,
    table: htmlTable(
      'Speedup against the sequential row of the same URL set.',
      [{ label: 'URL set' }, { label: 'strategy' }, { label: 'measured', numeric: true }, { label: 'ideal', numeric: true }],
      rows.map((row) => [row.fixture, strategyLabel(row), formatRatio(row.speedup), formatRatio(idealSpeedup(report, row))]),
    ),
  };
}
