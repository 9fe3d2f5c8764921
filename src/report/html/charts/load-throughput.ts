// Load: throughput against connections, the delay server (solid) beside the bare server (dashed)
// per endpoint, and Little's limit (connections / delay) as a dotted line for delayed endpoints.
import type { LoadOutcome, LoadSection } from '../../../suites/load/model.ts';
import type { Report } from '../../../model/report.ts';
import { ratioCell } from '../../../suites/load/table.ts';
import { formatRate, formatRatio } from '../../format.ts';
import { htmlTable, type Chart, type Figure } from '../figure.ts';
import { seriesClass } from '../page.ts';
import { axes, decadeAbove, decadeBelow, esc, legend, logScale, px, svgRoot, type Plot } from '../svg.ts';

const SERVERS = [
  { key: 'delayServer', label: 'delay server', dash: false },
  { key: 'bare', label: 'bare node:http', dash: true },
] as const;

export const loadThroughputChart = {
  name: 'load-throughput',
  figures: (report: Report): Figure[] => (report.load && report.load.points.length > 0 ? [figure(report.load)] : []),
} satisfies Chart<Report>;

const measured = (o: LoadOutcome): o is Extract<LoadOutcome, { state: 'measured' }> => o.state === 'measured';

function figure(section: LoadSection): Figure {
  const plot: Plot = { widthPx: 960, heightPx: 380, left: 80, right: 944, top: 28, bottom: 336 };
  const points = section.points;
  const rates = points.flatMap((p) => [...SERVERS.map((s) => p[s.key]).filter(measured).map((o) => o.requestsPerSec), p.littleLimitPerSec ?? 0]).filter((r) => r > 0);
  const conns = points.map((p) => p.connections);
  const x = logScale([decadeBelow(Math.min(...conns)), decadeAbove(Math.max(...conns) * 1.01)], [plot.left + 10, plot.right - 10]);
  const y = logScale([decadeBelow(Math.min(1, ...rates)), decadeAbove(Math.max(10, ...rates))], [plot.bottom, plot.top]);
  const endpoints = [...new Set(points.map((p) => p.endpoint))];
  const parts = [
    axes(plot, { scale: x, ticks: [...new Set(conns)].sort((a, b) => a - b), format: String, label: 'connections (closed loop, log scale)' }, { scale: y, ticks: y.ticks(0), format: (v) => formatRate(v), label: 'throughput (req/s, log scale)' }),
    legend(
      [
        ...endpoints.map((e, i) => ({ cls: seriesClass(i), label: e })),
        { cls: 'axis', label: 'delay server', shape: 'line' as const },
        { cls: 'axis', label: 'bare node:http', shape: 'dash' as const },
        { cls: 'axis little', label: "Little's limit", shape: 'line' as const },
      ],
      plot,
    ),
  ];
  let marks = 0;
  for (const [i, endpoint] of endpoints.entries()) {
    const cls = seriesClass(i);
    const mine = points.filter((p) => p.endpoint === endpoint).sort((a, b) => a.connections - b.connections);
    const limits = mine.filter((p) => p.littleLimitPerSec !== null);
    if (limits.length > 0) {
      const d = limits.map((p, j) => `${j === 0 ? 'M' : 'L'}${px(x(p.connections))},${px(y(p.littleLimitPerSec ?? 0))}`).join('');
      parts.push(`<path class="line little ${cls}" d="${d}"><title>${esc(`${endpoint}: Little's limit, connections ÷ ${limits[0]?.delayMs} ms`)}</title></path>`);
    }
    for (const server of SERVERS) {
      const drawn = mine.filter((p) => measured(p[server.key]));
      const d = drawn.map((p, j) => `${j === 0 ? 'M' : 'L'}${px(x(p.connections))},${px(y(rateOf(p[server.key])))}`).join('');
      if (drawn.length > 1) parts.push(`<path class="line ${cls}${server.dash ? ' dashed' : ''}" d="${d}"/>`);
      for (const p of drawn) {
        marks++;
        const title = `${endpoint}, ${p.connections} connections, ${server.label}: ${formatRate(rateOf(p[server.key]))} req/s${p.littleLimitPerSec === null ? '' : `, Little's limit ${formatRate(p.littleLimitPerSec)}`}`;
        const shape = server.dash
          ? `<rect class="${cls}" x="${px(x(p.connections) - 4)}" y="${px(y(rateOf(p[server.key])) - 4)}" width="8" height="8"/>`
          : `<circle class="${cls}" cx="${px(x(p.connections))}" cy="${px(y(rateOf(p[server.key])))}" r="4.5"/>`;
        parts.push(`<g class="mark"><title>${esc(title)}</title>${shape}</g>`);
      }
    }
  }
  return {
    chart: 'load-throughput',
    id: 'load-throughput',
    title: "Load: throughput against connections, with Little's limit",
    note: `autocannon, closed loop, ${section.durationS} s per point and server over ${section.measuredRuns} interleaved runs. Circles: the delay server; squares: a bare node:http server answering the same bytes.`,
    svg: svgRoot(plot, 'load-throughput-title', parts.join('')),
    marks,
    table: htmlTable(
      'Throughput per sweep point.',
      [{ label: 'endpoint' }, { label: 'connections', numeric: true }, { label: 'req/s', numeric: true }, { label: 'bare req/s', numeric: true }, { label: 'vs bare (pairs: median, range)', numeric: true }, { label: "Little's limit", numeric: true }, { label: 'efficiency', numeric: true }],
      points.map((p) => [p.endpoint, String(p.connections), rateCell(p.delayServer), rateCell(p.bare), ratioCell(p), formatRate(p.littleLimitPerSec), formatRatio(p.littleEfficiency)]),
    ),
  };
}

const rateOf = (o: LoadOutcome): number => (o.state === 'measured' ? o.requestsPerSec : 0);
const rateCell = (o: LoadOutcome): string => (o.state === 'measured' ? formatRate(o.requestsPerSec) : `failed: ${o.error}`);

