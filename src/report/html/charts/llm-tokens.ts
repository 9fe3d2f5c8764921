// Output tokens per second per LLM row: the median over streamed answers of output tokens ÷ E2E,
// with the 429s and overloads beside it, since a fast row that was mostly refused is no faster.
import type { Report } from '../../../model/report.ts';
import { formatRate } from '../../format.ts';
import { htmlTable, type Chart, type Figure } from '../figure.ts';
import { axes, esc, legend, linearScale, px, svgRoot, type Plot } from '../svg.ts';
import { labelWidthPx } from './labels.ts';
import { llmRows } from './llm-rows.ts';

const WIDTH_PX = 960;
const ROW_PX = 28;

export const llmTokensChart = {
  name: 'llm-tokens',
  figures(report: Report): Figure[] {
    const rows = llmRows(report);
    if (rows.length === 0) return [];
    const left = labelWidthPx(rows.map((r) => r.label));
    const plot: Plot = { widthPx: WIDTH_PX, heightPx: 28 + rows.length * ROW_PX + 44, left, right: WIDTH_PX - 120, top: 28, bottom: 28 + rows.length * ROW_PX };
    const x = linearScale([0, Math.max(1, ...rows.map((r) => r.llm.outputTokensPerSec)) * 1.05], [plot.left, plot.right]);
    const parts = [
      axes(plot, { scale: x, ticks: x.ticks(8), format: formatRate, label: 'output tokens/s per answer (median)' }, { scale: linearScale([0, 1], [0, 0]), ticks: [], format: String, label: 'row' }),
      legend([{ cls: 's2', label: 'output tokens/s, median over streamed answers' }], plot),
    ];
    for (const [i, { label, llm }] of rows.entries()) {
      const top = plot.top + i * ROW_PX;
      const mid = px(top + ROW_PX / 2);
      const refused = `${llm.rateLimited} × 429, ${llm.overloaded} overloaded`;
      parts.push(`<g class="mark"><title>${esc(`${label}: ${formatRate(llm.outputTokensPerSec)} tokens/s, ${llm.outputTokens} tokens in ${llm.streamed} answers; ${refused}`)}</title>`);
      parts.push(`<text class="tick" x="${plot.left - 6}" y="${mid}" dy="0.32em" text-anchor="end">${esc(label)}</text>`);
      parts.push(`<rect class="s2" x="${plot.left}" y="${px(top + 6)}" width="${px(x(llm.outputTokensPerSec) - plot.left)}" height="${ROW_PX - 12}"/>`);
      parts.push(`<text class="tick" x="${px(x(llm.outputTokensPerSec) + 4)}" y="${mid}" dy="0.32em">${esc(refused)}</text>`);
      parts.push('</g>');
    }
    return [{
      chart: 'llm-tokens',
      id: 'llm-tokens',
      title: 'Output tokens per second per row',
      note: 'Each streamed answer’s output tokens over its end-to-end time, the median per row; refused calls (429, 503/529) are counted after the bar.',
      svg: svgRoot(plot, 'llm-tokens-title', parts.join('')),
      marks: rows.length,
      table: htmlTable(
        'Output tokens per row, over all measured runs.',
        [
          { label: 'row' },
          { label: 'tokens/s p50', numeric: true },
          { label: 'output tokens', numeric: true },
          { label: 'streamed', numeric: true },
          { label: '429s', numeric: true },
          { label: 'overloaded', numeric: true },
          { label: 'stream errors', numeric: true },
        ],
        rows.map(({ label, llm }) => [label, formatRate(llm.outputTokensPerSec), String(llm.outputTokens), String(llm.streamed), String(llm.rateLimited), String(llm.overloaded), String(llm.streamErrors)]),
      ),
    }];
  },
} satisfies Chart<Report>;
