// The scaling sweep as a terminal table: one row per requests × concurrency, skipped points included.
import { terminalTable } from '../../report/terminal-table.ts';
import type { ScaleSection } from './model.ts';
import { formatMs, formatRatio, formatShare } from '../../report/format.ts';

const pointLabel = (p: { requests: number; concurrency: number }): string => `${p.requests.toLocaleString('en-US')} × ${p.concurrency.toLocaleString('en-US')}`;

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '–';
  const abs = Math.abs(bytes);
  if (abs >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  if (abs >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes.toFixed(0)} B`;
}

const HEAD = ['requests', 'c', 'wall', 'ideal', 'wall/ideal', 'floor', 'harness/floor', 'ok/failed', 'req p99', 'loop p99', 'loop busy c/s', 'CPU/req', 'peak RSS/in-flight', 'live heap/in-flight'];

export function scaleTable(section: ScaleSection): string {
  const table = terminalTable(HEAD);
  const bound: string[] = [];
  for (const point of section.points) {
    const key = [point.requests.toLocaleString('en-US'), point.concurrency.toLocaleString('en-US')];
    if (point.state === 'skipped') table.push([...key, { colSpan: HEAD.length - 2, content: `skipped: ${point.reason}` }]);
    else if (point.state === 'errored') table.push([...key, { colSpan: HEAD.length - 2, content: `ERROR: ${point.error}` }]);
    else {
      if (point.generatorBound) bound.push(`${pointLabel(point)}: ${point.generatorBoundReason ?? 'generator-bound'}`);
      table.push([
        ...key,
        `${formatMs(point.wallMs)}${point.generatorBound ? ' *' : ''}`,
        formatMs(point.idealMs),
        formatRatio(point.wallOverIdeal, 3),
        point.floor ? formatMs(point.floor.wallMs) : '–',
        point.harnessOverFloor == null ? '–' : `${formatRatio(point.harnessOverFloor, 2)}${point.generatorBound ? ' *' : ''}`,
        `${point.ok}/${point.failed}`,
        formatMs(point.requestLatencyMs.p99),
        formatMs(point.eventLoopDelayMs.p99),
        `${formatShare(point.loopUtilization.client)}/${point.loopUtilization.server === null ? '–' : formatShare(point.loopUtilization.server)}`,
        `${((point.cpuMs * 1000) / point.requests).toFixed(0)} µs`,
        formatBytes(point.rssPerInFlightBytes),
        point.liveHeapPerInFlightBytes === null ? '–' : formatBytes(point.liveHeapPerInFlightBytes),
      ]);
    }
  }
  const floors = section.points.flatMap((p) => (p.state === 'measured' && p.floor ? [p.floor] : []));
  const pairs = floors.map((f) => f.pairs.length);
  const lines = [
    table.toString(),
    ...bound.map((text) => `* generator-bound (the harness, not the server, limited this figure): ${text}`),
    ...(pairs.length > 0
      ? [
          `floor: the same point with no harness (${floors[0]?.engine}) against the same server, interleaved with the harness in ` +
            `${Math.min(...pairs) === Math.max(...pairs) ? pairs[0] : `${Math.min(...pairs)}–${Math.max(...pairs)}`} pair(s) per point; ` +
            `wall is the median harness run, harness/floor the median of the per-pair ratios.`,
        ]
      : []),
    `scale: ${section.strategy} strategy with k = c through ${section.client}; GET ${section.path} served in ${formatMs(section.delayMs)} ` +
      `(time scale ${section.timeScale}); points over ${formatMs(section.budgetMs)} of ideal skipped.`,
    `client on ${section.clientThread === 'main' ? 'the main thread' : 'a worker thread'}, delay server ${section.server === 'in-process' ? 'on the same thread' : 'on a worker thread'}` +
      `${section.youngGenerationMb === null ? '' : `; worker young generation ${section.youngGenerationMb} MB`}.`,
    ...(section.recorder ? ['every measured harness run was also recorded through the diagnostics-channel recorder (--scale-recorder); the floor never is.'] : []),
    `warm-up: ${section.warmup}. CPU/req counts client and server threads; loop p99 is the client's event-loop delay;
loop busy is the share of the run the client / server event loop was busy (near 100% = that side is the bottleneck);
peak RSS/in-flight includes young-generation growth; live heap/in-flight is read between forced GCs in the warm-up round.`,
  ];
  return `${lines.join('\n')}\n`;
}
