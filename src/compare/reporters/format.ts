// Formatting shared by the comparison reporters: one base unit per metric, converted only here.
import { formatMs } from '../../report/format.ts';
import { formatUsd } from '../../report/format-usd.ts';
import type { MetricUnit } from '../metrics/index.ts';
import type { Comparison, MetricComparison, ThresholdResult, Verdict } from '../model.ts';

export function formatValue(value: number, unit: MetricUnit): string {
  if (!Number.isFinite(value)) return '–';
  if (unit === 'ms') return formatMs(value);
  if (unit === 'usd') return formatUsd(value);
  if (unit === 'ratio') return `${(value * 100).toFixed(1)}%`;
  return `${value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toPrecision(3)} ${unit}`;
}

export const formatChange = (ratio: number): string => {
  if (!Number.isFinite(ratio)) return '–';
  const pct = (ratio - 1) * 100;
  return `${pct >= 0 ? '+' : ''}${pct.toFixed(1)}%`;
};

export const formatCi = (metric: MetricComparison): string =>
  metric.ci ? `${formatChange(metric.ci.low)} … ${formatChange(metric.ci.high)}` : '–';

export function formatP(p: number | null): string {
  if (p === null) return '–';
  if (p < 0.001) return '<0.001';
  return p.toFixed(3);
}

export const VERDICT_LABEL: Record<Verdict, string> = { regressed: 'REGRESSED', improved: 'improved', unchanged: 'unchanged' };

export function summaryLine(comparison: Comparison): string {
  const { counts, settings } = comparison;
  return (
    `${counts.regressed} regressed, ${counts.improved} improved, ${counts.unchanged} unchanged ` +
    `(change must be significant at α=${settings.alpha} and its ${settings.confidence * 100}% CI beyond ±${(settings.threshold * 100).toFixed(1)}%)`
  );
}

export function environmentLines(comparison: Comparison): string[] {
  return comparison.environment.map((d) => `${d.field}: baseline ${d.baseline} ≠ current ${d.current}`);
}

export function thresholdLine(result: ThresholdResult): string {
  const where = result.metricId ?? `${result.pattern} (no metric matches)`;
  const actual = result.actual === null || result.unit === null ? '' : ` (actual ${formatValue(result.actual, result.unit)})`;
  return `${result.passed ? 'pass' : 'FAIL'}  ${where}: ${result.expression}${actual}`;
}

export const failedThresholds = (results: readonly ThresholdResult[]): ThresholdResult[] => results.filter((t) => !t.passed);

/** The columns the table and markdown reporters share, so the two never disagree. */
export const COMPARISON_COLUMNS = ['metric', 'baseline', 'current', 'change', '95% CI', 'p', 'verdict'] as const;

/** One metric's cells in COMPARISON_COLUMNS order; the id and the verdict as each format shows them. */
export function comparisonCells(m: MetricComparison, id: string, verdict: string): string[] {
  return [id, formatValue(m.baseline.value, m.unit), formatValue(m.current.value, m.unit), formatChange(m.ratio), formatCi(m), formatP(m.pValue), verdict];
}
