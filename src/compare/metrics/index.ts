// Every metric of a report, ids unique: the shared rows' and each registered suite's, in registry order.
import type { Report } from '../../model/report.ts';
import { suites } from '../../suites/index.ts';
import type { AnySuite } from '../../suites/suite.ts';
import { InputError } from '../../util/input-error.ts';
import type { Metric } from './metric.ts';
import { rowMetrics } from './rows.ts';

/** Pulls the metrics of one part of a report. */
export interface MetricExtractor {
  section: string;
  extract(report: Report): Metric[];
}

export const rowsExtractor: MetricExtractor = { section: 'strategies', extract: (report) => rowMetrics(report.strategies) };

/** One extractor per registered suite, reading that suite's section. */
export const suiteExtractors = (registry: Record<string, AnySuite>): MetricExtractor[] =>
  Object.entries(registry).map(([name, suite]) => ({
    section: name,
    extract: (report) => suite.metrics({ section: (report as Record<string, unknown>)[name], report }),
  }));

export const extractors: readonly MetricExtractor[] = [rowsExtractor, ...suiteExtractors(suites)];

export function extractMetrics(report: Report, from: readonly MetricExtractor[] = extractors): Metric[] {
  const metrics = from.flatMap((extractor) => extractor.extract(report));
  const seen = new Set<string>();
  for (const metric of metrics) {
    if (seen.has(metric.id)) throw new InputError(`two metrics share the id ${metric.id}`);
    seen.add(metric.id);
  }
  return metrics;
}

export type { Metric, MetricUnit } from './metric.ts';
