// TTFT and inter-token latency per LLM row: p50 … p99 as a dot range for each, and every streamed
// answer's TTFT in the row's median run as a small dot beside it (where the tail comes from).
import type { Report } from '../../../model/report.ts';
import { formatMs } from '../../format.ts';
import { htmlTable, type Chart, type Figure } from '../figure.ts';
import { axes, esc, legend, linearScale, px, svgRoot, type Plot } from '../svg.ts';
import { labelWidthPx } from './labels.ts';
import { llmRows } from './llm-rows.ts';

const WIDTH_PX = 960;
/** Each row has two lines: TTFT, then inter-token latency. */
const LINE_PX = 18;
const ROW_PX = 2 * LINE_PX + 10;

export const llmLatencyChart = {
  name: 'llm-latency',
  figures(report: Report): Figure[] {
    const rows = llmRows(report);
    if (rows.length === 0) return [];
    const left = labelWidthPx(rows.map((r) => r.label));
    const plot: Plot = { widthPx: WIDTH_PX, heightPx: 28 + rows.length * ROW_PX + 44, left, right: WIDTH_PX - 24, top: 28, bottom: 28 + rows.length * ROW_PX };
    const ttfts = (r: (typeof rows)[number]): number[] => r.row.timeline.flatMap((t) => (t.stream?.ttftMs != null ? [t.stream.ttftMs] : []));
    const maxMs = Math.max(1, ...rows.flatMap((r) => [r.llm.ttftMs.p99, r.llm.itlMs.p99, ...ttfts(r)]));
    const x = linearScale([0, maxMs * 1.05], [plot.left, plot.right]);
    const parts = [
      axes(plot, { scale: x, ticks: x.ticks(8), format: formatMs, label: 'latency (ms)' }, { scale: linearScale([0, 1], [0, 0]), ticks: [], format: String, label: 'row' }),
      legend(
        [
          { cls: 's0', label: 'time to first token, p50 … p99' },
          { cls: 's1', label: 'inter-token latency, p50 … p99' },
          { cls: 'sample', label: 'TTFT of each answer (median run)' },
        ],
        plot,
      ),
    ];
    let marks = 0;
    for (const [i, { label, row, llm }] of rows.entries()) {
      const top = plot.top + i * ROW_PX + 5;
      parts.push(`<text class="tick" x="${plot.left - 6}" y="${px(top + LINE_PX)}" dy="0.32em" text-anchor="end">${esc(label)}</text>`);
      const lines = [
        { cls: 's0', name: 'TTFT', q: llm.ttftMs },
        { cls: 's1', name: 'inter-token latency', q: llm.itlMs },
      ];
      for (const [j, line] of lines.entries()) {
        const mid = px(top + j * LINE_PX + LINE_PX / 2);
        parts.push(`<g class="mark"><title>${esc(`${label}: ${line.name} p50 ${formatMs(line.q.p50)}, p99 ${formatMs(line.q.p99)} (${llm.streamed} streamed answers)`)}</title>`);
        parts.push(`<line class="${line.cls} range" x1="${px(x(line.q.p50))}" x2="${px(x(line.q.p99))}" y1="${mid}" y2="${mid}"/>`);
        parts.push(`<circle class="${line.cls}" cx="${px(x(line.q.p50))}" cy="${mid}" r="4.5"/>`);
        parts.push(`<rect class="${line.cls}" x="${px(x(line.q.p99) - 1.5)}" y="${px(Number(mid) - 6)}" width="3" height="12"/>`);
        parts.push('</g>');
        marks++;
      }
      const dotsAt = px(top + LINE_PX / 2 - 7);
      for (const record of row.timeline) {
        const ttftMs = record.stream?.ttftMs;
        if (ttftMs == null) continue;
        parts.push(`<circle class="mark sample" cx="${px(x(ttftMs))}" cy="${dotsAt}" r="2"><title>${esc(`${label} #${record.index}: TTFT ${formatMs(ttftMs)}`)}</title></circle>`);
        marks++;
      }
    }
    return [{
      chart: 'llm-latency',
      id: 'llm-latency',
      title: 'Time to first token and inter-token latency per row',
      note: 'A dot at p50, a bar at p99, the line between; small dots are the TTFT of each streamed answer in the row’s median run.',
      svg: svgRoot(plot, 'llm-latency-title', parts.join('')),
      marks,
      table: htmlTable(
        'Streamed answers per row, over all measured runs (vLLM’s definitions).',
        [
          { label: 'row' },
          { label: 'streamed', numeric: true },
          { label: 'TTFT p50', numeric: true },
          { label: 'TTFT p99', numeric: true },
          { label: 'ITL p50', numeric: true },
          { label: 'ITL p99', numeric: true },
          { label: 'TPOT p50', numeric: true },
          { label: 'TPOT p99', numeric: true },
          { label: 'E2E p50', numeric: true },
          { label: 'E2E p99', numeric: true },
        ],
        rows.map(({ label, llm }) => [
          label,
          String(llm.streamed),
          formatMs(llm.ttftMs.p50),
          formatMs(llm.ttftMs.p99),
          formatMs(llm.itlMs.p50),
          formatMs(llm.itlMs.p99),
          formatMs(llm.tpotMs.p50),
          formatMs(llm.tpotMs.p99),
          formatMs(llm.e2eMs.p50),
          formatMs(llm.e2eMs.p99),
        ]),
      ),
    }];
  },
} satisfies Chart<Report>;
