// Tokens paid for and not used per LLM row: the output tokens of streamed answers as a bar, the part in
// answers that were cancelled, cut, errored or leaked in vermillion; cost per run and of the waste when
// prices were given. Rows of reports made before waste was measured are left out.
import type { Report } from '../../../model/report.ts';
import { formatCost, formatUsd, formatWasteCost } from '../../format-usd.ts';
import { htmlTable, type Chart, type Figure } from '../figure.ts';
import { axes, esc, legend, linearScale, px, svgRoot, type Plot } from '../svg.ts';
import { labelWidthPx } from './labels.ts';
import { llmRows } from './llm-rows.ts';

const WIDTH_PX = 960;
const ROW_PX = 28;

export const llmWasteChart = {
  name: 'llm-waste',
  figures(report: Report): Figure[] {
    const rows = llmRows(report).filter((r) => r.llm.wastedRequests !== undefined);
    if (rows.length === 0) return [];
    const left = labelWidthPx(rows.map((r) => r.label));
    const plot: Plot = { widthPx: WIDTH_PX, heightPx: 28 + rows.length * ROW_PX + 44, left, right: WIDTH_PX - 200, top: 28, bottom: 28 + rows.length * ROW_PX };
    const x = linearScale([0, Math.max(1, ...rows.map((r) => r.llm.outputTokens)) * 1.05], [plot.left, plot.right]);
    const parts = [
      axes(plot, { scale: x, ticks: x.ticks(8), format: String, label: 'output tokens received, all measured runs' }, { scale: linearScale([0, 1], [0, 0]), ticks: [], format: String, label: 'row' }),
      legend([{ cls: 's2', label: 'in answers used whole' }, { cls: 'fail', label: 'wasted: cancelled, cut or errored, leaked' }], plot),
    ];
    const wastedIn = (llm: (typeof rows)[number]['llm']): string =>
      llm.wastedInputTokens === null || llm.wastedInputTokens === undefined ? 'unknown' : `${llm.wastedInputTokens}${(llm.wastedInputUnknown ?? 0) > 0 ? ` (+${llm.wastedInputUnknown} answers unknown)` : ''}`;
    for (const [i, { label, llm }] of rows.entries()) {
      const top = plot.top + i * ROW_PX;
      const mid = px(top + ROW_PX / 2);
      const wasted = Math.min(llm.wastedOutputTokens ?? 0, llm.outputTokens);
      const after = `${llm.wastedRequests ?? 0} wasted${llm.cost ? `, ${formatWasteCost(llm, llm.cost)} of ${formatCost(llm.cost.totalUsd, llm.cost)}` : ''}`;
      parts.push(`<g class="mark"><title>${esc(`${label}: ${llm.outputTokens} output tokens, ${wasted} of them in ${llm.wastedRequests ?? 0} wasted answers; wasted prompt tokens ${wastedIn(llm)}${llm.cost ? `; cost ${formatCost(llm.cost.perRunUsd, llm.cost)} per run, waste ${formatWasteCost(llm, llm.cost)}` : ''}`)}</title>`);
      parts.push(`<text class="tick" x="${plot.left - 6}" y="${mid}" dy="0.32em" text-anchor="end">${esc(label)}</text>`);
      parts.push(`<rect class="s2" x="${plot.left}" y="${px(top + 6)}" width="${px(x(llm.outputTokens - wasted) - plot.left)}" height="${ROW_PX - 12}"/>`);
      parts.push(`<rect class="fail" x="${px(x(llm.outputTokens - wasted))}" y="${px(top + 6)}" width="${px(x(llm.outputTokens) - x(llm.outputTokens - wasted))}" height="${ROW_PX - 12}"/>`);
      parts.push(`<text class="tick" x="${px(x(llm.outputTokens) + 4)}" y="${mid}" dy="0.32em">${esc(after)}</text>`);
      parts.push('</g>');
    }
    const priced = rows.some((r) => r.llm.cost !== undefined);
    const cost = (r: (typeof rows)[number], pick: (c: NonNullable<typeof r.llm.cost>) => number): string => (r.llm.cost ? formatCost(pick(r.llm.cost), r.llm.cost) : '–');
    return [{
      chart: 'llm-waste',
      id: 'llm-waste',
      title: priced ? 'Tokens and dollars paid for and not used, per row' : 'Tokens paid for and not used, per row',
      note:
        'Output tokens of every streamed answer; in vermillion those of answers the code did not take whole (a hedge’s loser, an abort or timeout, a cut or errored stream, retried or not, a leaked request). ' +
        (priced ? 'Cost at the prices given; ≥ where prompt tokens were not reported.' : 'Give prices (--prices FILE, a bench’s prices) for the cost.'),
      svg: svgRoot(plot, 'llm-waste-title', parts.join('')),
      marks: rows.length,
      table: htmlTable(
        'Waste and cost per row, over all measured runs.',
        [
          { label: 'row' },
          { label: 'output tokens', numeric: true },
          { label: 'wasted answers', numeric: true },
          { label: 'wasted output tokens', numeric: true },
          { label: 'wasted prompt tokens', numeric: true },
          ...(priced ? [{ label: 'cost/run', numeric: true }, { label: 'cost total', numeric: true }, { label: 'waste', numeric: true }, { label: 'no price for' }] : []),
        ],
        rows.map((r) => [
          r.label,
          String(r.llm.outputTokens),
          String(r.llm.wastedRequests ?? 0),
          String(r.llm.wastedOutputTokens ?? 0),
          wastedIn(r.llm),
          ...(priced
            ? [cost(r, (c) => c.perRunUsd), r.llm.cost ? formatUsd(r.llm.cost.totalUsd) : '–', r.llm.cost ? formatWasteCost(r.llm, r.llm.cost) : '–', r.llm.cost ? r.llm.cost.unpricedModels.join(', ') || (r.llm.cost.unpricedRequests > 0 ? 'model not named' : '') : '']
            : []),
        ]),
      ),
    }];
  },
} satisfies Chart<Report>;
