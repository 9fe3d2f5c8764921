// Load-suite metrics: one req/s figure per sweep point (no samples, so thresholds apply but tests cannot).
import type { MetricExtractor } from './metric.ts';

const segment = (endpoint: string): string => endpoint.replace(/^\//, '').replaceAll('/', '_');

export const loadExtractor = {
  section: 'load',
  extract: (report) =>
    (report.load?.points ?? []).flatMap((point) =>
      point.delayServer.state === 'measured'
        ? [
            {
              id: `load/${segment(point.endpoint)}/c=${point.connections}/rps`,
              unit: 'req/s' as const,
              direction: 'higher' as const,
              samples: [],
              value: point.delayServer.requestsPerSec,
            },
          ]
        : [],
    ),
} satisfies MetricExtractor;
