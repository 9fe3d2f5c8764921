// The comparison model: what `compare` found, as plain serialisable data. Reporters render it;
// the CLI decides the exit code from it. Nothing here measures or formats.
import type { Interval } from '../stats/bootstrap.ts';
import type { Direction, Verdict } from '../stats/decision.ts';
import type { SampleSummary } from '../stats/median.ts';
import type { MetricUnit } from './metrics/index.ts';
import type { ThresholdOp, ThresholdStat } from './thresholds/parse.ts';

export type { Direction, Verdict } from '../stats/decision.ts';

export interface ReportRef {
  /** Where the report was read from (a file name), for messages. */
  source: string;
  startedAt: string;
  gitCommit: string | null;
  complete: boolean;
}

export interface SideStats extends SampleSummary {
  /** The metric's headline figure (the median of its samples, or the section's summary). */
  value: number;
}

/** A metric measured in the current report only: its stats, nothing to compare with. */
export interface CurrentOnlyMetric {
  id: string;
  unit: MetricUnit;
  direction: Direction;
  current: SideStats;
}

export interface MetricComparison {
  id: string;
  unit: MetricUnit;
  direction: Direction;
  baseline: SideStats;
  current: SideStats;
  /** current.value / baseline.value. */
  ratio: number;
  /** Bootstrap CI of the ratio of medians; null when a side has no samples. */
  ci: Interval | null;
  /** Two-sided Mann–Whitney U p-value; null when a side has no samples. */
  pValue: number | null;
  test: 'exact' | 'normal' | null;
  verdict: Verdict;
  /** Why the verdict could not be anything but unchanged, when that is so (too few samples). */
  note: string | null;
}

export interface EnvironmentDifference {
  field: string;
  baseline: string;
  current: string;
}

export interface ThresholdResult {
  /** The metric-id glob the rule was declared under. */
  pattern: string;
  /** The rule as written, e.g. `p50 < 2100`. */
  expression: string;
  stat: ThresholdStat;
  op: ThresholdOp;
  limit: number;
  /** The metric it was checked on; null when the glob matched no metric (a failure). */
  metricId: string | null;
  unit: MetricUnit | null;
  actual: number | null;
  passed: boolean;
}

export interface CompareSettings {
  /** Noise threshold as a fraction (0.05 = 5 %). */
  threshold: number;
  alpha: number;
  confidence: number;
  resamples: number;
  seed: number;
  /** --metric globs; empty = every metric. */
  metricGlobs: string[];
}

export interface Comparison {
  baseline: ReportRef;
  current: ReportRef;
  settings: CompareSettings;
  /** Fingerprint fields that differ: figures from different machines or settings are not like for like. */
  environment: EnvironmentDifference[];
  metrics: MetricComparison[];
  /** Selected metrics present on one side only. */
  onlyInBaseline: string[];
  onlyInCurrent: CurrentOnlyMetric[];
  /** Absolute thresholds checked on the current report (empty without a config). */
  thresholds: ThresholdResult[];
  counts: Record<Verdict, number>;
}
