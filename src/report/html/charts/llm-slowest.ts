// The slowest of the N streamed calls of a run, predicted from the single-call distribution
// (the p-quantile of the max is the single-call quantile at p^(1/N)) against the measured one:
// E2E and TTFT at p50 and p99 per row, a hollow ring for the prediction, a dot for the measure.
import type { LlmRow } from '../../../model/records.ts';
import type { Report } from '../../../model/report.ts';
import { formatMs, formatRatio } from '../../format.ts';
import { htmlTable, type Chart, type Figure } from '../figure.ts';
import { axes, esc, legend, linearScale, px, svgRoot, type Plot } from '../svg.ts';
import { labelWidthPx } from './labels.ts';
import { llmRows } from './llm-rows.ts';

const WIDTH_PX = 960;
const LINE_PX = 16;
type Slowest = NonNullable<LlmRow['slowestOfN']>;

/** The four comparisons of a row, in drawing order. */
const measures = (s: Slowest): Array<{ name: string; cls: string; predictedMs: number; measuredMs: number }> => [
  { name: 'E2E p50', cls: 's0', ...s.e2e.p50 },
  { name: 'E2E p99', cls: 's0', ...s.e2e.p99 },
  { name: 'TTFT p50', cls: 's1', ...s.ttft.p50 },
  { name: 'TTFT p99', cls: 's1', ...s.ttft.p99 },
];

export const llmSlowestChart = {
  name: 'llm-slowest',
  figures(report: Report): Figure[] {
    const rows = llmRows(report).flatMap((r) => (r.llm.slowestOfN ? [{ ...r, slowest: r.llm.slowestOfN }] : []));
    if (rows.length === 0) return [];
    const rowPx = 4 * LINE_PX + 12;
    const rowLabel = (r: (typeof rows)[number]): string => `${r.label}, N = ${r.slowest.n}`;
    const left = labelWidthPx(rows.map(rowLabel)) + 60;
    const plot: Plot = { widthPx: WIDTH_PX, heightPx: 28 + rows.length * rowPx + 44, left, right: WIDTH_PX - 24, top: 28, bottom: 28 + rows.length * rowPx };
    const maxMs = Math.max(1, ...rows.flatMap((r) => measures(r.slowest).flatMap((m) => [m.predictedMs, m.measuredMs])));
    const x = linearScale([0, maxMs * 1.05], [plot.left, plot.right]);
    const parts = [
      axes(plot, { scale: x, ticks: x.ticks(8), format: formatMs, label: 'slowest call of a run (ms)' }, { scale: linearScale([0, 1], [0, 0]), ticks: [], format: String, label: 'row' }),
      legend(
        [
          { cls: 'predicted', label: 'predicted from single calls' },
          { cls: 's0', label: 'measured E2E' },
          { cls: 's1', label: 'measured TTFT' },
        ],
        plot,
      ),
    ];
    for (const [i, row] of rows.entries()) {
      const { label, slowest } = row;
      const top = plot.top + i * rowPx + 6;
      parts.push(`<text class="tick" x="${plot.left - 66}" y="${px(top + 2 * LINE_PX)}" dy="0.32em" text-anchor="end">${esc(rowLabel(row))}</text>`);
      for (const [j, m] of measures(slowest).entries()) {
        const mid = px(top + j * LINE_PX + LINE_PX / 2);
        parts.push(`<g class="mark"><title>${esc(`${label}: slowest of ${slowest.n}, ${m.name}: predicted ${formatMs(m.predictedMs)}, measured ${formatMs(m.measuredMs)} over ${slowest.runs} runs`)}</title>`);
        parts.push(`<text class="tick" x="${plot.left - 6}" y="${mid}" dy="0.32em" text-anchor="end">${esc(m.name)}</text>`);
        parts.push(`<line class="whisker" x1="${px(x(m.predictedMs))}" x2="${px(x(m.measuredMs))}" y1="${mid}" y2="${mid}"/>`);
        parts.push(`<circle class="predicted" cx="${px(x(m.predictedMs))}" cy="${mid}" r="5"/>`);
        parts.push(`<circle class="${m.cls}" cx="${px(x(m.measuredMs))}" cy="${mid}" r="3.5"/>`);
        parts.push('</g>');
      }
    }
    return [{
      chart: 'llm-slowest',
      id: 'llm-slowest',
      title: 'Slowest of N: predicted against measured, per row',
      note: 'A fan-out waits for its slowest call. The ring is what the single-call distribution predicts for the slowest of the run’s N streamed calls, the dot what the runs measured.',
      svg: svgRoot(plot, 'llm-slowest-title', parts.join('')),
      marks: rows.length * 4,
      table: htmlTable(
        'The slowest streamed call of a run, predicted and measured.',
        [{ label: 'row' }, { label: 'N', numeric: true }, { label: 'runs', numeric: true }, { label: 'measure' }, { label: 'predicted', numeric: true }, { label: 'measured', numeric: true }, { label: 'measured/predicted', numeric: true }],
        rows.flatMap(({ label, slowest }) =>
          measures(slowest).map((m) => [label, String(slowest.n), String(slowest.runs), m.name, formatMs(m.predictedMs), formatMs(m.measuredMs), formatRatio(m.predictedMs > 0 ? m.measuredMs / m.predictedMs : null)]),
        ),
      ),
    }];
  },
} satisfies Chart<Report>;
