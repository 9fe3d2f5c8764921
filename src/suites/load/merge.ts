// Several generator runs against one server, merged into one: counts and times add, latency
// histograms are added (not their percentiles averaged), loop utilisation is weighted by wall time.
import { decodeHistogram, encodeHistogram } from '../../stats/hdr.ts';
import type { AutocannonRawResult } from './autocannon-result.ts';
import type { GeneratorOutput } from './generator.ts';

export function mergeRuns(runs: readonly GeneratorOutput[]): GeneratorOutput {
  const [first, ...rest] = runs;
  if (!first) throw new RangeError('mergeRuns needs at least one run');
  if (rest.length === 0) return first;
  const histogram = decodeHistogram(first.result.latencies);
  for (const run of rest) {
    const other = decodeHistogram(run.result.latencies);
    histogram.add(other);
    other.destroy();
  }
  const latencies = encodeHistogram(histogram);
  histogram.destroy();
  const sum = (pick: (run: GeneratorOutput) => number): number => runs.reduce((total, run) => total + pick(run), 0);
  const statusCodeStats: AutocannonRawResult['statusCodeStats'] = {};
  for (const run of runs) {
    for (const [code, { count }] of Object.entries(run.result.statusCodeStats)) statusCodeStats[code] = { count: (statusCodeStats[code]?.count ?? 0) + count };
  }
  const wallMs = sum((run) => run.usage.wallMs);
  return {
    result: {
      latencies,
      totalCompletedRequests: sum((run) => run.result.totalCompletedRequests),
      totalRequests: sum((run) => run.result.totalRequests),
      totalBytes: sum((run) => run.result.totalBytes),
      errors: sum((run) => run.result.errors),
      timeouts: sum((run) => run.result.timeouts),
      mismatches: sum((run) => run.result.mismatches),
      non2xx: sum((run) => run.result.non2xx),
      // Rounded by autocannon to 10 ms per run; keep the sum to the same precision.
      duration: Math.round(sum((run) => run.result.duration) * 100) / 100,
      statusCodeStats,
    },
    usage: {
      wallMs,
      cpuUserMs: sum((run) => run.usage.cpuUserMs),
      cpuSystemMs: sum((run) => run.usage.cpuSystemMs),
      eventLoopUtilization: wallMs > 0 ? sum((run) => run.usage.eventLoopUtilization * run.usage.wallMs) / wallMs : 0,
      eventLoopDelayP99Ms: Math.max(...runs.map((run) => run.usage.eventLoopDelayP99Ms)),
    },
    serverCpuMs: sum((run) => run.serverCpuMs),
  };
}
