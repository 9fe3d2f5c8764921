// The waterfall: every request of each row's median run, rows of one URL set on one time axis —
// waiting (queued → start), earlier tries of retried requests, the final try, first byte, and the
// row's ideal makespan as a dashed line (dotted when it is only a variant's lower bound); requests a
// variant left in flight (leaked) are drawn apart from failures.
import type { RequestRecord, StrategyResult } from '../../../model/records.ts';
import type { Report } from '../../../model/report.ts';
import { formatMs, idealCell, pathOf, strategyLabel } from '../../format.ts';
import { foldedTable, htmlTable, slug, type Chart, type Figure } from '../figure.ts';
import { axes, esc, legend, linearScale, px, svgRoot, type Plot } from '../svg.ts';
import { outcomeText } from './outcome.ts';

const WIDTH_PX = 960;
const LEFT_PX = 170;
const HEADER_PX = 20;
/** Up to this many requests per row get a row of their own with a path label. */
const LABELLED_ROWS = 40;
const ROW_PX = 14;
/** Taller rows than this would make a page of 10,000 requests metres long: they share the band. */
const BAND_MAX_PX = 480;
/** Above this many requests in a figure the per-request table is left to the JSON report. */
const TABLE_MAX_REQUESTS = 500;

export const waterfallChart = {
  name: 'waterfall',
  figures(report: Report): Figure[] {
    return report.fixtures.flatMap((fixture) => {
      const rows = report.strategies.filter((row) => row.fixture === fixture.name);
      return rows.length === 0 ? [] : [fixtureFigure(fixture.name, fixture.description, rows)];
    });
  },
} satisfies Chart<Report>;

const rowHeightPx = (requests: number): number => (requests <= LABELLED_ROWS ? ROW_PX : BAND_MAX_PX / requests);

function fixtureFigure(fixture: string, description: string, rows: StrategyResult[]): Figure {
  const axisMs = Math.max(1, ...rows.flatMap((row) => [row.idealMs, ...row.timeline.map((r) => Math.max(r.endMs, r.firstByteMs ?? 0))]));
  const bandsPx = rows.reduce((sum, row) => sum + HEADER_PX + row.timeline.length * rowHeightPx(row.timeline.length) + 6, 0);
  const plot: Plot = { widthPx: WIDTH_PX, heightPx: 28 + bandsPx + 44, left: LEFT_PX, right: WIDTH_PX - 56, top: 28, bottom: 28 + bandsPx };
  const x = linearScale([0, axisMs], [plot.left, plot.right]);
  const parts: string[] = [
    axes(plot, { scale: x, ticks: x.ticks(8), format: formatMs, label: 'time since the run started (ms)' }, { scale: linearScale([0, 1], [0, 0]), ticks: [], format: String, label: 'requests, in order' }),
    legend(
      [
        { cls: 'wait', label: 'waiting to start' },
        { cls: 'ok', label: 'in flight, ok' },
        { cls: 'fail', label: 'in flight, failed' },
        { cls: 'retry', label: 'earlier try (retried)' },
        ...(rows.some((row) => row.timeline.some((r) => r.leaked)) ? [{ cls: 'leaked', label: 'leaked (not awaited)' }] : []),
        { cls: 'fb', label: 'first byte', shape: 'line' },
        { cls: 'ideal', label: 'ideal makespan', shape: 'dash' },
        ...(rows.some(isLowerBound) ? [{ cls: 'ideal bound', label: 'ideal ≥ (lower bound)', shape: 'line' as const }] : []),
      ],
      plot,
    ),
  ];
  let y = plot.top;
  for (const row of rows) {
    const n = row.timeline.length;
    const rowPx = rowHeightPx(n);
    const bandPx = n * rowPx;
    parts.push(`<rect class="band" x="${plot.left}" y="${px(y)}" width="${px(plot.right - plot.left)}" height="${px(HEADER_PX + bandPx)}"/>`);
    parts.push(`<text x="${plot.left + 4}" y="${px(y + 14)}">${esc(`${strategyLabel(row)}: wall ${formatMs(row.wallMs.p50)}, ideal ${idealText(row)}`)}</text>`);
    const top = y + HEADER_PX;
    if (n <= LABELLED_ROWS) {
      for (const [i, record] of row.timeline.entries()) parts.push(requestMark(record, x, top + i * rowPx, rowPx, plot));
    } else parts.push(...denseBand(row.timeline, x, top, rowPx));
    const idealAt = px(x(row.idealMs));
    const idealTitle = isLowerBound(row) ? `${strategyLabel(row)} ideal makespan ${idealText(row)}: the longest request, no schedule is faster` : `${strategyLabel(row)} ideal makespan ${formatMs(row.idealMs)}`;
    parts.push(`<line class="ideal${isLowerBound(row) ? ' bound' : ''}" x1="${idealAt}" x2="${idealAt}" y1="${px(y)}" y2="${px(top + bandPx)}"><title>${esc(idealTitle)}</title></line>`);
    y = top + bandPx + 6;
  }
  const requests = rows.reduce((sum, row) => sum + row.timeline.length, 0);
  const summary = htmlTable(
    `Each row's median run (${fixture}): wall time, ideal makespan and what happened to its requests.`,
    [{ label: 'strategy' }, { label: 'wall p50', numeric: true }, { label: 'ideal', numeric: true }, { label: 'requests', numeric: true }, { label: 'failed', numeric: true }, { label: 'leaked', numeric: true }, { label: 'retried', numeric: true }],
    rows.map((row) => [
      strategyLabel(row),
      formatMs(row.wallMs.p50),
      idealCell(row),
      String(row.timeline.length),
      String(row.timeline.filter((r) => r.outcome.kind !== 'ok' && !r.leaked).length),
      String(row.timeline.filter((r) => r.leaked).length),
      String(row.timeline.filter((r) => (r.attempts ?? 1) > 1).length),
    ]),
  );
  const perRequest =
    requests <= TABLE_MAX_REQUESTS
      ? foldedTable(`every request (${requests})`, requestTable(fixture, rows))
      : `<p class="note">${esc(`${requests} requests: the per-request table is left to the JSON report.`)}</p>`;
  return {
    chart: 'waterfall',
    id: `waterfall-${slug(fixture)}`,
    title: `Waterfall, ${fixture}: every request of each row's median run`,
    note: description,
    svg: svgRoot(plot, `waterfall-${slug(fixture)}-title`, parts.join('')),
    marks: requests,
    table: `${summary}\n${perRequest}`,
  };
}

/**
 * A band of many requests, drawn with as few elements as keep one hoverable mark per request: the
 * waiting bars and first-byte ticks are one path each, each request is one rect with its title.
 * (Four elements per request made a 10,000-request page take seconds longer to paint.)
 */
function denseBand(records: RequestRecord[], x: (ms: number) => number, top: number, rowPx: number): string[] {
  const barPx = Math.max(rowPx * 0.8, 0.5);
  const wait: string[] = [];
  const firstByte: string[] = [];
  const marks: string[] = [];
  for (const [i, record] of records.entries()) {
    const barTop = top + i * rowPx + (rowPx - barPx) / 2;
    if (record.startMs > record.queuedMs) wait.push(`M${px(x(record.queuedMs))},${px(barTop)}H${px(x(record.startMs))}v${px(barPx)}H${px(x(record.queuedMs))}z`);
    if (record.firstByteMs !== undefined) firstByte.push(`M${px(x(record.firstByteMs))},${px(barTop)}v${px(barPx)}`);
    const tries = record.failedAttempts ?? [];
    // Too thin to show each try: a retried request that got through is drawn in the retry colour.
    const cls = record.leaked ? 'leaked' : record.outcome.kind !== 'ok' ? 'fail' : tries.length > 0 ? 'retry' : 'ok';
    const from = x(record.startMs);
    marks.push(`<rect class="mark ${cls}" x="${px(from)}" y="${px(barTop)}" width="${px(Math.max(x(record.endMs) - from, 1))}" height="${px(barPx)}"><title>${esc(requestTitle(record))}</title></rect>`);
  }
  return [
    wait.length > 0 ? `<path class="wait" d="${wait.join('')}"/>` : '',
    ...marks,
    firstByte.length > 0 ? `<path class="fb" d="${firstByte.join('')}"/>` : '',
  ];
}

/** One labelled request row: its path on the left, every try drawn, its outcome after the bar. */
function requestMark(record: RequestRecord, x: (ms: number) => number, top: number, rowPx: number, plot: Plot): string {
  const barPx = Math.max(rowPx * 0.7, 0.5);
  const barTop = px(top + (rowPx - barPx) / 2);
  const h = px(barPx);
  const rect = (cls: string, fromMs: number, toMs: number, minPx: number): string => {
    const from = x(fromMs);
    return `<rect class="${cls}" x="${px(from)}" y="${barTop}" width="${px(Math.max(x(toMs) - from, minPx))}" height="${h}"/>`;
  };
  const tries = record.failedAttempts ?? [];
  const last = tries.at(-1);
  const finalStartMs = last ? Math.min(last.endMs + last.waitMs, record.endMs) : record.startMs;
  const parts = [`<g class="mark"><title>${esc(requestTitle(record))}</title>`];
  if (record.startMs > record.queuedMs) parts.push(rect('wait', record.queuedMs, record.startMs, 0));
  for (const attempt of tries) parts.push(rect('retry', attempt.startMs, attempt.endMs, 1));
  parts.push(rect(finalClass(record), finalStartMs, record.endMs, 1));
  if (record.firstByteMs !== undefined) {
    const at = px(x(record.firstByteMs));
    parts.push(`<line class="fb" x1="${at}" x2="${at}" y1="${barTop}" y2="${px(top + (rowPx + barPx) / 2)}"/>`);
  }
  const mid = px(top + rowPx / 2);
  parts.push(`<text class="tick" x="${plot.left - 6}" y="${mid}" dy="0.32em" text-anchor="end">${esc(truncate(pathOf(record.url), 24))}</text>`);
  parts.push(`<text class="tick" x="${px(Math.max(x(record.endMs), plot.left) + 4)}" y="${mid}" dy="0.32em">${esc(outcomeText(record))}</text>`);
  parts.push('</g>');
  return parts.join('');
}

/** A leaked request's outcome is a placeholder, not a failure the server or client reported. */
const finalClass = (record: RequestRecord): string => (record.leaked ? 'leaked' : record.outcome.kind === 'ok' ? 'ok' : 'fail');

const isLowerBound = (row: StrategyResult): boolean => row.variant?.idealBasis === 'lower-bound';
const idealText = (row: StrategyResult): string => (isLowerBound(row) ? `≥ ${formatMs(row.idealMs)}` : formatMs(row.idealMs));

const truncate = (text: string, chars: number): string => (text.length <= chars ? text : `${text.slice(0, chars - 1)}…`);

function requestTitle(record: RequestRecord): string {
  const tries = record.attempts ?? 1;
  return [
    `#${record.index} ${pathOf(record.url)}: ${outcomeText(record)}`,
    `start ${formatMs(record.startMs)}`,
    record.firstByteMs === undefined ? 'no first byte' : `first byte ${formatMs(record.firstByteMs)}`,
    `end ${formatMs(record.endMs)} (${formatMs(record.endMs - record.startMs)})`,
    ...(tries > 1 ? [`${tries} tries`] : []),
    ...(record.leaked ? ['leaked: still in flight when the code under test settled, end unobserved'] : []),
  ].join(', ');
}

function requestTable(fixture: string, rows: StrategyResult[]): string {
  return htmlTable(
    `Every request of each row's median run (${fixture}); times in ms since the run started.`,
    [
      { label: 'strategy' },
      { label: '#', numeric: true },
      { label: 'path' },
      { label: 'start', numeric: true },
      { label: 'first byte', numeric: true },
      { label: 'end', numeric: true },
      { label: 'tries', numeric: true },
      { label: 'outcome' },
    ],
    rows.flatMap((row) =>
      row.timeline.map((r) => [
        strategyLabel(row),
        String(r.index),
        pathOf(r.url),
        formatMs(r.startMs),
        r.firstByteMs === undefined ? '–' : formatMs(r.firstByteMs),
        formatMs(r.endMs),
        String(r.attempts ?? 1),
        outcomeText(r),
      ]),
    ),
  );
}
