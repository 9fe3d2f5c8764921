// Micro-suite metrics: ops/s per client stack, µs per task per scheduler, µs per recorded request.
// One mean per row and no samples; a row the run marked noisy (rme above its limit) carries the
// reason, and compare gives it no verdict.
import type { Metric } from '../../compare/metrics/metric.ts';
import type { MicroLatency, MicroSection } from './model.ts';

const noisyNote = (row: { noisy?: boolean | undefined }, latency: MicroLatency): { noisy?: string } =>
  row.noisy ? { noisy: `rme ±${latency.rme.toFixed(1)}%` } : {};

export const microMetrics = (micro: MicroSection | undefined): Metric[] => {
    if (!micro) return [];
    const segment = (text: string): string => text.replaceAll('/', '_').replaceAll(' ', '_');
    const metrics: Metric[] = [
      ...micro.clients.map((row) => ({
        id: `micro/client/${row.client}/opsPerSec`,
        unit: 'ops/s' as const,
        direction: 'higher' as const,
        samples: [],
        value: row.opsPerSec,
        ...noisyNote(row, row.latencyMs),
      })),
      ...micro.schedulers.map((row) => ({
        id: `micro/scheduler/${row.strategy}/k=${row.concurrency ?? '-'}/tasks=${row.tasks}/perTaskMs`,
        unit: 'ms' as const,
        direction: 'lower' as const,
        samples: [],
        value: row.perTaskMs,
        ...noisyNote(row, row.runMs),
      })),
      ...(micro.recording ?? []).map((row) => ({
        id: `micro/recording/${segment(row.variant)}/perRequestMs`,
        unit: 'ms' as const,
        direction: 'lower' as const,
        samples: [],
        value: row.perRequestMs,
        ...noisyNote(row, row.runMs),
      })),
    ];
    return metrics;
};
