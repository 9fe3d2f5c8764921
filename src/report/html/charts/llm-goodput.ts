// Goodput against the SLOs (--slo): per row the share of requests that met every SLO as a bar on
// 0–100 %, good requests per second after it. Only rows measured with an SLO.
import type { Report } from '../../../model/report.ts';
import { formatShare } from '../../format.ts';
import { htmlTable, type Chart, type Figure } from '../figure.ts';
import { axes, esc, legend, linearScale, px, svgRoot, type Plot } from '../svg.ts';
import { labelWidthPx } from './labels.ts';
import { llmRows } from './llm-rows.ts';

const WIDTH_PX = 960;
const ROW_PX = 28;

/** Good requests per second with three significant digits: goodput is often below 10/s. */
const formatPerSec = (perSec: number): string => `${perSec.toPrecision(3)}/s`;

export const llmGoodputChart = {
  name: 'llm-goodput',
  figures(report: Report): Figure[] {
    const rows = llmRows(report).flatMap((r) => (r.llm.goodput ? [{ ...r, goodput: r.llm.goodput }] : []));
    if (rows.length === 0) return [];
    const slos = [...new Set(rows.map((r) => r.goodput.slo))];
    const left = labelWidthPx(rows.map((r) => r.label));
    const plot: Plot = { widthPx: WIDTH_PX, heightPx: 28 + rows.length * ROW_PX + 44, left, right: WIDTH_PX - 120, top: 28, bottom: 28 + rows.length * ROW_PX };
    const x = linearScale([0, 1], [plot.left, plot.right]);
    const parts = [
      axes(plot, { scale: x, ticks: x.ticks(5), format: formatShare, label: 'requests meeting every SLO (% of requests)' }, { scale: linearScale([0, 1], [0, 0]), ticks: [], format: String, label: 'row' }),
      legend([{ cls: 's2', label: 'good share' }, { cls: 'zone', label: 'not good' }], plot),
    ];
    for (const [i, { label, goodput }] of rows.entries()) {
      const top = plot.top + i * ROW_PX;
      const mid = px(top + ROW_PX / 2);
      parts.push(`<g class="mark"><title>${esc(`${label}: ${goodput.good} of ${goodput.total} requests met ${goodput.slo} (${formatShare(goodput.goodShare)}), ${formatPerSec(goodput.goodPerSec)} good`)}</title>`);
      parts.push(`<text class="tick" x="${plot.left - 6}" y="${mid}" dy="0.32em" text-anchor="end">${esc(label)}</text>`);
      parts.push(`<rect class="zone" x="${plot.left}" y="${px(top + 6)}" width="${px(plot.right - plot.left)}" height="${ROW_PX - 12}"/>`);
      parts.push(`<rect class="s2" x="${plot.left}" y="${px(top + 6)}" width="${px(x(goodput.goodShare) - plot.left)}" height="${ROW_PX - 12}"/>`);
      parts.push(`<text class="tick" x="${plot.right + 6}" y="${mid}" dy="0.32em">${esc(`${formatPerSec(goodput.goodPerSec)} good`)}</text>`);
      parts.push('</g>');
    }
    return [{
      chart: 'llm-goodput',
      id: 'llm-goodput',
      title: `Goodput against the SLOs (${slos.join('; ')})`,
      note: 'A request is good when every SLO holds (a refused or failed call never is); good requests per second of measured wall after each bar.',
      svg: svgRoot(plot, 'llm-goodput-title', parts.join('')),
      marks: rows.length,
      table: htmlTable(
        'Goodput per row, over all measured runs.',
        [{ label: 'row' }, { label: 'SLO' }, { label: 'good', numeric: true }, { label: 'requests', numeric: true }, { label: 'good share', numeric: true }, { label: 'good/s', numeric: true }],
        rows.map(({ label, goodput }) => [label, goodput.slo, String(goodput.good), String(goodput.total), formatShare(goodput.goodShare), formatPerSec(goodput.goodPerSec)]),
      ),
    }];
  },
} satisfies Chart<Report>;
