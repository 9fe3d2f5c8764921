// Load-suite metrics: one req/s figure per sweep point (no samples, so thresholds apply but tests cannot).
import type { Metric } from '../../compare/metrics/metric.ts';
import type { LoadSection } from './model.ts';

const segment = (endpoint: string): string => endpoint.replace(/^\//, '').replaceAll('/', '_');

export const loadMetrics = (section: LoadSection | undefined): Metric[] =>
  (section?.points ?? []).flatMap((point) =>
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
  );
