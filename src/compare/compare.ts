// Compares two reports metric by metric: bootstrap CI of the ratio of medians, Mann–Whitney U,
// and the direction-aware decision rule. Pure: same reports and settings, same comparison.
import { InputError } from '../util/input-error.ts';
import type { Report } from '../model/report.ts';
import { BOOTSTRAP_DEFAULTS, bootstrapRatioOfMedians } from '../stats/bootstrap.ts';
import { decide, type Verdict } from '../stats/decision.ts';
import { mannWhitneyU, smallestExactP } from '../stats/mann-whitney.ts';
import { summarize } from '../stats/median.ts';
import { environmentDifferences } from './environment.ts';
import { globToRegExp, matchesAny } from './glob.ts';
import { extractMetrics, extractors as defaultExtractors, type Metric, type MetricExtractor } from './metrics/index.ts';
import type { CompareSettings, Comparison, MetricComparison, ReportRef, SideStats } from './model.ts';
import { evaluateThresholds, type ThresholdRules } from './thresholds/evaluate.ts';

export const COMPARE_DEFAULTS = {
  threshold: 0.05,
  alpha: 0.05,
  confidence: BOOTSTRAP_DEFAULTS.confidence,
  resamples: BOOTSTRAP_DEFAULTS.resamples,
  seed: BOOTSTRAP_DEFAULTS.seed,
} as const;

export interface SourcedReport {
  report: Report;
  source: string;
}

export interface CompareOptions extends Partial<CompareSettings> {
  thresholds?: ThresholdRules;
  extractors?: readonly MetricExtractor[];
}

export function compareReports(baseline: SourcedReport, current: SourcedReport, options: CompareOptions = {}): Comparison {
  const from = options.extractors ?? defaultExtractors;
  const comparison = compareMetrics(extractMetrics(baseline.report, from), extractMetrics(current.report, from), options);
  return {
    ...comparison,
    baseline: refOf(baseline),
    current: refOf(current),
    environment: environmentDifferences(baseline.report, current.report),
  };
}

/** The metric-level core, usable with metrics from any extractor. */
export function compareMetrics(
  baseline: readonly Metric[],
  current: readonly Metric[],
  options: CompareOptions = {},
): Omit<Comparison, 'baseline' | 'current' | 'environment'> {
  const settings: CompareSettings = {
    threshold: options.threshold ?? COMPARE_DEFAULTS.threshold,
    alpha: options.alpha ?? COMPARE_DEFAULTS.alpha,
    confidence: options.confidence ?? COMPARE_DEFAULTS.confidence,
    resamples: options.resamples ?? COMPARE_DEFAULTS.resamples,
    seed: options.seed ?? COMPARE_DEFAULTS.seed,
    metricGlobs: options.metricGlobs ?? [],
  };
  const globs = settings.metricGlobs.map(globToRegExp);
  const selected = (m: Metric): boolean => globs.length === 0 || matchesAny(m.id, globs);
  const baseById = new Map(baseline.filter(selected).map((m) => [m.id, m]));
  const currentSelected = current.filter(selected);
  const currentIds = new Set(currentSelected.map((m) => m.id));
  const metrics = currentSelected.flatMap((m) => {
    const b = baseById.get(m.id);
    return b ? [compareMetric(b, m, settings)] : [];
  });
  const counts: Record<Verdict, number> = { regressed: 0, improved: 0, unchanged: 0 };
  for (const metric of metrics) counts[metric.verdict]++;
  return {
    settings,
    metrics,
    onlyInBaseline: [...baseById.keys()].filter((id) => !currentIds.has(id)),
    onlyInCurrent: currentSelected.filter((m) => !baseById.has(m.id)).map((m) => ({ id: m.id, unit: m.unit, direction: m.direction, current: side(m) })),
    thresholds: options.thresholds ? evaluateThresholds(current, options.thresholds) : [],
    counts,
  };
}

export function compareMetric(baseline: Metric, current: Metric, settings: CompareSettings): MetricComparison {
  if (baseline.unit !== current.unit || baseline.direction !== current.direction) {
    throw new InputError(`metric ${current.id} changed unit or direction between the reports`);
  }
  const base = { id: current.id, unit: current.unit, direction: current.direction, baseline: side(baseline), current: side(current) };
  const ratio = current.value / baseline.value;
  const noisy = [baseline.noisy && `baseline ${baseline.noisy}`, current.noisy && `current ${current.noisy}`].filter(Boolean);
  if (noisy.length > 0) {
    return { ...base, ratio, ci: null, pValue: null, test: null, verdict: 'unchanged', note: `noisy (${noisy.join(', ')}): verdict skipped` };
  }
  if (baseline.samples.length === 0 || current.samples.length === 0) {
    return { ...base, ratio, ci: null, pValue: null, test: null, verdict: 'unchanged', note: 'no samples, so not tested: gate it with a threshold (--config)' };
  }
  const ci = bootstrapRatioOfMedians(baseline.samples, current.samples, settings);
  const test = mannWhitneyU(baseline.samples, current.samples);
  const verdict = decide({ ratio: ci, pValue: test.p, direction: current.direction, alpha: settings.alpha, threshold: settings.threshold });
  const reachable = smallestExactP(baseline.samples.length, current.samples.length);
  const note =
    reachable >= settings.alpha
      ? `n=${baseline.samples.length} vs ${current.samples.length} cannot reach α=${settings.alpha}; measure ≥ 10 iterations`
      : null;
  return { ...base, ratio, ci, pValue: test.p, test: test.method, verdict, note };
}

function side(metric: Metric): SideStats {
  return { ...summarize(metric.samples), value: metric.value };
}

function refOf({ report, source }: SourcedReport): ReportRef {
  return { source, startedAt: report.startedAt, gitCommit: report.environment.gitCommit, complete: report.complete };
}
