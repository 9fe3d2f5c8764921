// Checks absolute thresholds against a report's metrics. A rule whose glob matches no metric
// fails, so a typo or a renamed metric cannot pass silently.
import { quantileSorted, sortedCopy } from '../../stats/percentile.ts';
import { globToRegExp } from '../glob.ts';
import type { Metric } from '../metrics/index.ts';
import type { ThresholdResult } from '../model.ts';
import { holds, type ThresholdRule, type ThresholdStat } from './parse.ts';

/** Rules declared per metric-id glob, in the config file's order. */
export type ThresholdRules = ReadonlyArray<{ pattern: string; rules: readonly ThresholdRule[] }>;

export function evaluateThresholds(metrics: readonly Metric[], declared: ThresholdRules): ThresholdResult[] {
  return declared.flatMap(({ pattern, rules }) => {
    const glob = globToRegExp(pattern);
    const matched = metrics.filter((metric) => glob.test(metric.id));
    return rules.flatMap((rule): ThresholdResult[] => {
      const base = { pattern, expression: rule.expression, stat: rule.stat, op: rule.op, limit: rule.limit };
      if (matched.length === 0) return [{ ...base, metricId: null, unit: null, actual: null, passed: false }];
      return matched.map((metric) => {
        const actual = statOf(metric, rule.stat);
        return { ...base, metricId: metric.id, unit: metric.unit, actual, passed: holds(actual, rule.op, rule.limit) };
      });
    });
  });
}

/** The statistic over the metric's samples; a metric without samples has only its value. */
export function statOf(metric: Metric, stat: ThresholdStat): number {
  if (metric.samples.length === 0) return metric.value;
  const sorted = sortedCopy(metric.samples);
  switch (stat) {
    case 'p50':
    case 'median':
      return quantileSorted(sorted, 0.5);
    case 'p90':
      return quantileSorted(sorted, 0.9);
    case 'p95':
      return quantileSorted(sorted, 0.95);
    case 'p99':
      return quantileSorted(sorted, 0.99);
    case 'mean':
      return sorted.reduce((sum, v) => sum + v, 0) / sorted.length;
    case 'min':
      return sorted[0]!;
    case 'max':
      return sorted[sorted.length - 1]!;
  }
}
