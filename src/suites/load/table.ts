// The load section as a terminal table: one row per sweep point, delay server beside bare server.
import { terminalTable } from '../../report/terminal-table.ts';
import type { LoadOutcome, LoadPoint, LoadSection } from './model.ts';
import { formatMs, formatRate, formatRatio, formatShare } from '../../report/format.ts';

export const LOAD_COLUMNS = [
  'endpoint',
  'conns',
  'req/s',
  'bare req/s',
  'vs bare',
  'p50',
  'p90',
  'p99',
  'p99.9',
  'max',
  'err/timeout/non2xx',
  'Little limit',
  'efficiency',
  'srv µs/req',
  'gen CPU',
] as const;

function rps(outcome: LoadOutcome): string {
  return outcome.state === 'measured' ? formatRate(outcome.requestsPerSec) : 'failed';
}

/** Generator CPU as "delay server / bare", with a * on each saturated one. */
function generatorCell(delay: LoadOutcome, bare: LoadOutcome): string {
  const one = (o: LoadOutcome): string => (o.state === 'measured' ? `${formatShare(o.generator.cpuFraction)}${o.generator.saturated ? '*' : ''}` : '–');
  return `${one(delay)} / ${one(bare)}`;
}

/** Server CPU per request as "delay server / bare": unlike req/s, it hardly moves when other processes compete for the cores.
 *  Measured in pairs, the median pair's bare/delay CPU ratio and the pairs' range follow. */
function serverCpuCell(point: LoadPoint): string {
  const one = (o: LoadOutcome): string => (o.state === 'measured' && o.serverCpuUsPerRequest !== null ? o.serverCpuUsPerRequest.toFixed(0) : '–');
  const cells = `${one(point.delayServer)} / ${one(point.bare)}`;
  const ratios = point.pairCpuRatios ?? [];
  if (point.pairCpuRatioMedian == null || ratios.length === 0) return cells;
  return `${cells} = ${formatRatio(point.pairCpuRatioMedian)} ${rangeText(ratios)}`;
}

const rangeText = (ratios: readonly number[]): string => `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`;

/** The median of the point's interleaved pair ratios with their range, else the ratio of the merged runs
 *  (the terminal table and the HTML report show the same figure). */
export function ratioCell(point: LoadPoint): string {
  const ratios = point.pairRatios ?? [];
  if (point.pairRatioMedian == null || ratios.length === 0) return formatRatio(point.serverRatio);
  return `${formatRatio(point.pairRatioMedian)} ${rangeText(ratios)}`;
}

export function renderLoadTable(section: LoadSection): string {
  const table = terminalTable([...LOAD_COLUMNS]);
  const notes: string[] = [];
  let saturated = false;
  const bound: string[] = [];
  for (const point of section.points) {
    const d = point.delayServer;
    const latency = d.state === 'measured' ? d.latencyMs : null;
    // autocannon records whole milliseconds: 0 means under 1 ms.
    const ms = (value: number | undefined): string => (value === undefined ? '–' : value === 0 ? '<1 ms' : formatMs(value));
    const mark = point.generatorBound ? ' ‡' : '';
    if (point.generatorBound) bound.push(`${point.endpoint} c=${point.connections}: ${point.generatorBoundReason ?? 'generator saturated'}`);
    table.push([
      point.endpoint,
      String(point.connections),
      `${rps(d)}${mark}`,
      rps(point.bare),
      `${ratioCell(point)}${mark}`,
      ms(latency?.p50),
      ms(latency?.p90),
      ms(latency?.p99),
      ms(latency?.p999),
      ms(latency?.max),
      d.state === 'measured' ? `${d.errors}/${d.timeouts}/${d.non2xx}` : '–',
      formatRate(point.littleLimitPerSec),
      point.littleEfficiency === null ? '–' : formatShare(point.littleEfficiency),
      serverCpuCell(point),
      generatorCell(d, point.bare),
    ]);
    for (const [name, outcome] of [['delay server', d], ['bare server', point.bare]] as const) {
      if (outcome.state === 'failed') notes.push(`FAILED ${point.endpoint} c=${point.connections} ${name}: ${outcome.error}`);
      else saturated ||= outcome.generator.saturated;
    }
  }
  const lines = [
    `Load (closed loop, autocannon ${section.engine.version} in a ${section.generator.replace("-", " ")}): ${section.durationS} s per point and server in ${section.measuredRuns} interleaved runs, each after ${section.warmupS} s warm-up (and ${section.preWarmS} s per endpoint and server before the sweep); time scale ${section.timeScale}.`,
  ];
  if (section.points.length > 0) lines.push(table.toString());
  lines.push(
    'Latency is the delay server\'s, 1 ms resolution; "vs bare" is its req/s over a bare node:http server sending the same bytes; efficiency is req/s over Little\'s limit (connections / delay).',
  );
  if (section.points.some((point) => point.pairRatioMedian != null)) {
    lines.push(`"vs bare" with a range: the median of the ${section.measuredRuns} interleaved pairs' ratios (delay server, then bare, alternating order), lowest–highest pair beside it.`);
    lines.push('"srv µs/req" = the median pair\'s bare CPU per request over the delay server\'s, and the range: the "vs bare" two CPU-bound servers reach, steady when other processes take the cores.');
  }
  if (section.maxRatePerSec !== undefined) lines.push(`Rate-capped at ${section.maxRatePerSec} req/s per generator (autocannon overallRate, latency as measured, uncorrected).`);
  if (saturated) lines.push(`* generator saturated (≥ ${formatShare(section.saturationThreshold)} of a core or of its event loop): that server's figures may be the generator's limit.`);
  lines.push(...bound.map((text) => `‡ generator-bound (autocannon, not the server, may have limited this figure): ${text}`));
  lines.push(...notes);
  if (section.points.length === 0) lines.push('no load points were measured');
  return `${lines.join('\n')}\n`;
}
