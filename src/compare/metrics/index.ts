// The extractor registry: every section's metrics, in one list, ids unique.
import { InputError } from '../../input-error.ts';
import type { Report } from '../../model.ts';
import type { Metric, MetricExtractor } from './metric.ts';
import { loadExtractor } from './load.ts';
import { microExtractor } from './micro.ts';
import { strategiesExtractor } from './strategies.ts';

export const extractors: readonly MetricExtractor[] = [strategiesExtractor, loadExtractor, microExtractor];

export function extractMetrics(report: Report, from: readonly MetricExtractor[] = extractors): Metric[] {
  const metrics = from.flatMap((extractor) => extractor.extract(report));
  const seen = new Set<string>();
  for (const metric of metrics) {
    if (seen.has(metric.id)) throw new InputError(`two metrics share the id ${metric.id}`);
    seen.add(metric.id);
  }
  return metrics;
}

export type { Metric, MetricExtractor, MetricUnit } from './metric.ts';
