// Micro: sustained ops/s per client stack, and runs/s per scheduler, with the 95 % margin of error
// of the mean (tinybench's rme) as error bars.
import type { MicroSection } from '../../../suites/micro/model.ts';
import type { Report } from '../../../model/report.ts';
import { formatPct, formatRate, formatRatio } from '../../format.ts';
import { htmlTable, type Chart, type Figure } from '../figure.ts';
import { axes, esc, legend, linearScale, px, svgRoot, type Plot } from '../svg.ts';

const ROW_PX = 28;

interface Bar {
  label: string;
  perSec: number;
  /** Relative margin of error, percent. */
  rme: number;
}

export const microChart = {
  name: 'micro',
  figures(report: Report): Figure[] {
    const micro = report.micro;
    if (!micro) return [];
    const figures: Figure[] = [];
    if (micro.clients.length > 0) figures.push(clientsFigure(micro));
    if (micro.schedulers.length > 0) figures.push(schedulersFigure(micro));
    return figures;
  },
} satisfies Chart<Report>;

function clientsFigure(micro: MicroSection): Figure {
  const bars = micro.clients.map((c) => ({ label: c.client, perSec: c.opsPerSec, rme: c.latencyMs.rme }));
  return {
    chart: 'micro',
    id: 'micro-clients',
    title: 'Micro: requests per second per client stack, one request in flight',
    note: `tinybench, ${micro.timeBudgetMs} ms per stack; error bars are the 95% margin of error of the mean.`,
    svg: barSvg('micro-clients-title', bars, 'requests/s (1000 ÷ mean latency)'),
    marks: bars.length,
    table: htmlTable(
      'Client stacks.',
      [{ label: 'client' }, { label: 'path' }, { label: 'ops/s', numeric: true }, { label: '± rme', numeric: true }, { label: 'vs slowest', numeric: true }],
      micro.clients.map((c) => [c.client, c.path, formatRate(c.opsPerSec), formatPct(c.latencyMs.rme), formatRatio(c.vsSlowest)]),
    ),
  };
}

function schedulersFigure(micro: MicroSection): Figure {
  const label = (s: MicroSection['schedulers'][number]): string => (s.concurrency === null ? s.strategy : `${s.strategy}(${s.concurrency})`);
  const bars = micro.schedulers.map((s) => ({ label: label(s), perSec: s.perTaskMs > 0 ? 1000 / s.perTaskMs : 0, rme: s.runMs.rme }));
  return {
    chart: 'micro',
    id: 'micro-schedulers',
    title: 'Micro: zero-delay tasks per second through each strategy',
    note: 'The scheduler alone: in-process tasks that resolve at once; error bars are the 95% margin of error of the mean.',
    svg: barSvg('micro-schedulers-title', bars, 'tasks/s (1000 ÷ mean time per task)'),
    marks: bars.length,
    table: htmlTable(
      'Schedulers.',
      [{ label: 'strategy' }, { label: 'tasks per run', numeric: true }, { label: 'tasks/s', numeric: true }, { label: '± rme', numeric: true }],
      micro.schedulers.map((s, i) => [label(s), String(s.tasks), formatRate(bars[i]?.perSec ?? 0), formatPct(s.runMs.rme)]),
    ),
  };
}

function barSvg(labelId: string, bars: Bar[], axisLabel: string): string {
  const plot: Plot = { widthPx: 960, heightPx: 28 + bars.length * ROW_PX + 44, left: 150, right: 930, top: 28, bottom: 28 + bars.length * ROW_PX };
  const maxX = Math.max(1, ...bars.map((b) => b.perSec * (1 + b.rme / 100)));
  const x = linearScale([0, maxX * 1.05], [plot.left, plot.right]);
  const y = linearScale([0, bars.length], [plot.top, plot.bottom]);
  const parts = [
    axes(plot, { scale: x, ticks: x.ticks(8), format: formatRate, label: axisLabel }, { scale: y, ticks: [], format: String, label: '' }),
    legend([{ cls: 's5', label: 'mean rate' }, { cls: 'whisker', label: '± 95% margin of error', shape: 'line' }], plot),
  ];
  for (const [i, bar] of bars.entries()) {
    const top = y(i);
    const mid = px(top + ROW_PX / 2);
    const margin = (bar.perSec * bar.rme) / 100;
    const lo = px(x(Math.max(0, bar.perSec - margin)));
    const hi = px(x(bar.perSec + margin));
    parts.push(`<g class="mark"><title>${esc(`${bar.label}: ${formatRate(bar.perSec)}/s ${formatPct(bar.rme)}`)}</title>`);
    parts.push(`<text class="tick" x="${plot.left - 6}" y="${mid}" dy="0.32em" text-anchor="end">${esc(bar.label)}</text>`);
    parts.push(`<rect class="s5" x="${plot.left}" y="${px(top + 6)}" width="${px(x(bar.perSec) - plot.left)}" height="${ROW_PX - 12}"/>`);
    parts.push(`<line class="whisker" x1="${lo}" x2="${hi}" y1="${mid}" y2="${mid}"/><line class="whisker" x1="${lo}" x2="${lo}" y1="${px(top + 9)}" y2="${px(top + ROW_PX - 9)}"/><line class="whisker" x1="${hi}" x2="${hi}" y1="${px(top + 9)}" y2="${px(top + ROW_PX - 9)}"/>`);
    parts.push('</g>');
  }
  return svgRoot(plot, labelId, parts.join(''));
}
