// What a variant's timeline proves, per URL set: between the lower bound (the longest request: no
// schedule finishes sooner) and the sequential sum (one request after another), where its median
// wall fell, with its concurrency, idle time and the requests it leaked or ran outside the recorder.
import type { StrategyResult, VariantFacts } from '../../../model/records.ts';
import type { Report } from '../../../model/report.ts';
import { formatMs, idealCell, strategyLabel } from '../../format.ts';
import { htmlTable, slug, type Chart, type Figure } from '../figure.ts';
import { axes, esc, legend, linearScale, px, svgRoot, type Plot } from '../svg.ts';
import { labelWidthPx } from './labels.ts';

const WIDTH_PX = 960;
const ROW_PX = 30;

type VariantRow = StrategyResult & { variant: VariantFacts };

export const variantFactsChart = {
  name: 'variant-facts',
  figures(report: Report): Figure[] {
    return report.fixtures.flatMap((fixture) => {
      const rows = report.strategies.filter((row): row is VariantRow => row.fixture === fixture.name && row.variant !== undefined);
      return rows.length === 0 ? [] : [figure(fixture.name, rows)];
    });
  },
} satisfies Chart<Report>;

function figure(fixture: string, rows: VariantRow[]): Figure {
  const left = labelWidthPx(rows.map(strategyLabel));
  const plot: Plot = { widthPx: WIDTH_PX, heightPx: 28 + rows.length * ROW_PX + 44, left, right: WIDTH_PX - 24, top: 28, bottom: 28 + rows.length * ROW_PX };
  const maxMs = Math.max(1, ...rows.flatMap((row) => [row.variant.sequentialMs, row.wallMs.p50, row.idealMs]));
  const x = linearScale([0, maxMs * 1.05], [plot.left, plot.right]);
  const parts = [
    axes(plot, { scale: x, ticks: x.ticks(8), format: formatMs, label: 'time of one run (ms)' }, { scale: linearScale([0, 1], [0, 0]), ticks: [], format: String, label: 'variant' }),
    legend(
      [
        { cls: 'zone', label: 'lower bound … sequential sum (median run)' },
        { cls: 's0', label: 'wall p50' },
        ...(rows.some((row) => row.variant.idealBasis === 'declared') ? [{ cls: 'ideal', label: 'declared ideal', shape: 'dash' as const }] : []),
      ],
      plot,
    ),
  ];
  for (const [i, row] of rows.entries()) {
    const v = row.variant;
    const top = plot.top + i * ROW_PX;
    const mid = px(top + ROW_PX / 2);
    const title = [
      `${strategyLabel(row)}: wall p50 ${formatMs(row.wallMs.p50)}, ideal ${idealCell(row)}${v.declared ? ` (declared ${v.declared})` : ' (lower bound)'}`,
      `lower bound ${formatMs(v.lowerBoundMs)}, sequential ${formatMs(v.sequentialMs)}`,
      `in flight max ${v.maxInFlight}, mean ${v.meanInFlight.toFixed(1)}, idle ${formatMs(v.idleMs)}`,
      `leaked ${v.leaked}, incomplete ${v.incomplete}, unrecorded ${v.unrecorded ?? '–'}, failed runs ${v.failedRuns.length}`,
    ].join('; ');
    parts.push(`<g class="mark"><title>${esc(title)}</title>`);
    parts.push(`<text class="tick" x="${plot.left - 6}" y="${mid}" dy="0.32em" text-anchor="end">${esc(strategyLabel(row))}</text>`);
    parts.push(`<rect class="zone" x="${px(x(v.lowerBoundMs))}" y="${px(top + 8)}" width="${px(Math.max(1, x(v.sequentialMs) - x(v.lowerBoundMs)))}" height="${ROW_PX - 16}"/>`);
    if (v.idealBasis === 'declared') {
      const at = px(x(row.idealMs));
      parts.push(`<line class="ideal" x1="${at}" x2="${at}" y1="${px(top + 3)}" y2="${px(top + ROW_PX - 3)}"/>`);
    }
    parts.push(`<circle class="s0" cx="${px(x(row.wallMs.p50))}" cy="${mid}" r="5"/>`);
    parts.push('</g>');
  }
  return {
    chart: 'variant-facts',
    id: `variant-facts-${slug(fixture)}`,
    title: `Your variants against what their timelines prove, ${fixture}`,
    note: 'The shaded span runs from the longest request (no schedule can be faster) to the sum of all requests (one after another); the dot is the median wall, which can lie past the sum when the code waits on itself.',
    svg: svgRoot(plot, `variant-facts-${slug(fixture)}-title`, parts.join('')),
    marks: rows.length,
    table: htmlTable(
      `What each variant's median run shows (${fixture}); leaked, incomplete and unrecorded count over all measured runs.`,
      [
        { label: 'variant' },
        { label: 'ideal', numeric: true },
        { label: 'basis' },
        { label: 'lower bound', numeric: true },
        { label: 'sequential', numeric: true },
        { label: 'in flight max', numeric: true },
        { label: 'mean', numeric: true },
        { label: 'idle', numeric: true },
        { label: 'requests/run', numeric: true },
        { label: 'leaked', numeric: true },
        { label: 'incomplete', numeric: true },
        { label: 'unrecorded', numeric: true },
        { label: 'failed runs', numeric: true },
      ],
      rows.map((row) => {
        const v = row.variant;
        return [
          strategyLabel(row),
          idealCell(row),
          v.declared ? `declared ${v.declared}` : 'lower bound',
          formatMs(v.lowerBoundMs),
          formatMs(v.sequentialMs),
          String(v.maxInFlight),
          v.meanInFlight.toFixed(1),
          formatMs(v.idleMs),
          v.requestsPerRun.min === v.requestsPerRun.max ? String(v.requestsPerRun.min) : `${v.requestsPerRun.p50} (${v.requestsPerRun.min}–${v.requestsPerRun.max})`,
          String(v.leaked),
          String(v.incomplete),
          v.unrecorded === null ? '–' : String(v.unrecorded),
          String(v.failedRuns.length),
        ];
      }),
    ),
  };
}
