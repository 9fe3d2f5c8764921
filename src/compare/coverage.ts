// Did a comparison compare anything? A gate that matched no metric, or lost the metrics it was
// told to gate on, must not pass silently (a renamed bench, another URL set, a dropped row).
import { globToRegExp, matchesAny } from './glob.ts';
import type { Metric } from './metrics/index.ts';

export interface GatedSelection {
  /** --metric globs; empty = every metric. */
  metricGlobs: readonly string[];
  /** The metric-id globs that absolute thresholds are declared under. */
  thresholdPatterns: readonly string[];
}

export interface CoverageGap {
  kind: 'nothing-in-common' | 'gated-missing';
  /** Baseline metric ids the gate covers that the current report lacks (empty for nothing-in-common). */
  missing: string[];
}

/** Null when the comparison covered what it gates on; else what is missing. */
export function coverageGap(baseline: readonly Metric[], current: readonly Metric[], selection: GatedSelection): CoverageGap | null {
  const metricGlobs = selection.metricGlobs.map(globToRegExp);
  const selected = (id: string): boolean => metricGlobs.length === 0 || matchesAny(id, metricGlobs);
  const currentIds = new Set(current.map((m) => m.id));
  if (!baseline.some((m) => selected(m.id) && currentIds.has(m.id))) return { kind: 'nothing-in-common', missing: [] };
  const thresholdGlobs = selection.thresholdPatterns.map(globToRegExp);
  const gated = (id: string): boolean => (metricGlobs.length > 0 && selected(id)) || matchesAny(id, thresholdGlobs);
  const missing = baseline.filter((m) => gated(m.id) && !currentIds.has(m.id)).map((m) => m.id);
  return missing.length === 0 ? null : { kind: 'gated-missing', missing };
}

/** One line for stderr, naming the flag that accepts the gap. */
export function describeCoverageGap(gap: CoverageGap, baselineSource: string, currentSource: string, flag: string): string {
  if (gap.kind === 'nothing-in-common') {
    return `${baselineSource} and ${currentSource} share no compared metric, so nothing was compared (a renamed bench or URL set?); ${flag} accepts this`;
  }
  const shown = gap.missing.slice(0, 3).join(', ');
  const more = gap.missing.length > 3 ? ` and ${gap.missing.length - 3} more` : '';
  return `${gap.missing.length} gated metric(s) missing from ${currentSource}: ${shown}${more}; ${flag} accepts this`;
}
