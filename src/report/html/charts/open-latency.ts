// Open loop: latency against offered rate, from the intended start (what a caller on the schedule
// waits, wrk2's correction) and from the actual start (what the client alone adds), p50 and p99;
// the knee marked where a step and its repeat both crossed the knee rule.
import type { OpenSection, OpenStep } from '../../../suites/open/model.ts';
import type { Report } from '../../../model/report.ts';
import { failedCount } from '../../../model/records.ts';
import { formatMs, formatRate } from '../../format.ts';
import { htmlTable, type Chart, type Figure } from '../figure.ts';
import { axes, decadeAbove, decadeBelow, esc, legend, logScale, px, svgRoot, type Plot } from '../svg.ts';

const SERIES = [
  { key: 'fromIntendedMs', stat: 'p50', cls: 's0', dash: false, label: 'p50 from intended start' },
  { key: 'fromIntendedMs', stat: 'p99', cls: 's0', dash: true, label: 'p99 from intended start' },
  { key: 'fromActualMs', stat: 'p50', cls: 's1', dash: false, label: 'p50 from actual start' },
  { key: 'fromActualMs', stat: 'p99', cls: 's1', dash: true, label: 'p99 from actual start' },
] as const;

export const openLatencyChart = {
  name: 'open-latency',
  figures: (report: Report): Figure[] => (report.open && report.open.steps.some((s) => s.fromIntendedMs !== null) ? [figure(report.open)] : []),
} satisfies Chart<Report>;

function figure(section: OpenSection): Figure {
  const plot: Plot = { widthPx: 960, heightPx: 380, left: 80, right: 944, top: 28, bottom: 336 };
  const steps = section.steps.filter((s) => s.fromIntendedMs !== null);
  const rates = [...new Set(section.steps.map((s) => s.ratePerSec))].sort((a, b) => a - b);
  const values = steps.flatMap((s) => SERIES.map((series) => value(s, series))).filter((v) => v > 0);
  const x = logScale([Math.min(...rates) / 1.25, Math.max(...rates) * 1.25], [plot.left, plot.right]);
  const y = logScale([decadeBelow(Math.min(...values)), decadeAbove(Math.max(...values))], [plot.bottom, plot.top]);
  const parts = [
    axes(plot, { scale: x, ticks: rates, format: formatRate, label: `offered rate (requests/s, ${section.arrivals} arrivals, log scale)` }, { scale: y, ticks: y.ticks(0), format: formatMs, label: 'response time (ms, log scale)' }),
    legend(SERIES.map((s) => ({ cls: s.cls, label: s.label, shape: s.dash ? ('dash' as const) : ('line' as const) })), plot),
  ];
  for (const series of SERIES) {
    const firsts = steps.filter((s) => !s.repeat);
    const d = firsts.map((s, j) => `${j === 0 ? 'M' : 'L'}${px(x(s.ratePerSec))},${px(y(value(s, series)))}`).join('');
    parts.push(`<path class="line ${series.cls}${series.dash ? ' dashed' : ''}" d="${d}"/>`);
  }
  for (const step of steps) {
    const title = `${formatRate(step.ratePerSec)}/s${step.repeat ? ' (repeat)' : ''}: ${SERIES.map((s) => `${s.label} ${formatMs(value(step, s))}`).join(', ')}; ${step.dropped} dropped${step.kneeReasons.length > 0 ? `; ${step.kneeReasons.join('; ')}` : ''}`;
    const dots = SERIES.map((s) => {
      const cx = px(x(step.ratePerSec));
      const cy = px(y(value(step, s)));
      return s.dash ? `<rect class="${s.cls}" x="${px(x(step.ratePerSec) - 3.5)}" y="${px(y(value(step, s)) - 3.5)}" width="7" height="7"/>` : `<circle class="${s.cls}" cx="${cx}" cy="${cy}" r="4"/>`;
    }).join('');
    parts.push(`<g class="mark"><title>${esc(title)}</title>${dots}</g>`);
  }
  if (section.kneeRatePerSec !== null) {
    const at = px(x(section.kneeRatePerSec));
    parts.push(`<line class="knee" x1="${at}" x2="${at}" y1="${plot.top}" y2="${plot.bottom}"><title>${esc(`knee at ${formatRate(section.kneeRatePerSec)}/s`)}</title></line>`);
    parts.push(`<text x="${px(x(section.kneeRatePerSec) - 6)}" y="${plot.top + 12}" text-anchor="end">${esc(`knee ${formatRate(section.kneeRatePerSec)}/s`)}</text>`);
  }
  return {
    chart: 'open-latency',
    id: 'open-latency',
    title: 'Open loop: response time against offered rate',
    note: `${section.endpoint} through ${section.client}; ${section.kneeRatePerSec === null ? `no knee up to ${formatRate(section.maxRatePerSec)}/s (stopped: ${section.stopReason ?? 'running'})` : `the knee is the first rate whose step and repeat both crossed the rule (p99 > ${section.kneeRule.p99Factor} × the unloaded p99, or too many dropped or failed)`}. Circles p50, squares p99.`,
    svg: svgRoot(plot, 'open-latency-title', parts.join('')),
    marks: steps.length,
    table: htmlTable(
      'Open-loop steps.',
      [
        { label: 'rate/s', numeric: true },
        { label: 'repeat' },
        { label: 'achieved/s', numeric: true },
        { label: 'dropped', numeric: true },
        { label: 'failed', numeric: true },
        { label: 'p50 intended', numeric: true },
        { label: 'p99 intended', numeric: true },
        { label: 'p50 actual', numeric: true },
        { label: 'p99 actual', numeric: true },
        { label: 'knee rule' },
      ],
      section.steps.map((s) => [
        formatRate(s.ratePerSec),
        s.repeat ? 'yes' : '',
        formatRate(s.achievedPerSec),
        String(s.dropped),
        String(failedCount(s.byOutcome)),
        ms(s.fromIntendedMs?.p50),
        ms(s.fromIntendedMs?.p99),
        ms(s.fromActualMs?.p50),
        ms(s.fromActualMs?.p99),
        s.kneeReasons.join('; '),
      ]),
    ),
  };
}

const value = (step: OpenStep, series: (typeof SERIES)[number]): number => step[series.key]?.[series.stat] ?? 0;
const ms = (v: number | undefined): string => (v === undefined ? '–' : formatMs(v));
