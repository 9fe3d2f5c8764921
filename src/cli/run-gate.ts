// `run --save-baseline NAME`, `--baseline NAME` and `--config FILE`: load what the gate needs
// before measuring (so bad input fails fast), then save, compare and check thresholds after.
import { join } from 'node:path';
import { compareReports, type SourcedReport } from '../compare/compare.ts';
import { coverageGap, describeCoverageGap } from '../compare/coverage.ts';
import { extractMetrics } from '../compare/metrics/index.ts';
import { comparisonReporters, thresholdsMarkdown, thresholdsText } from '../compare/reporters/index.ts';
import { loadConfig, type BenchConfig } from '../compare/thresholds/config.ts';
import { evaluateThresholds } from '../compare/thresholds/evaluate.ts';
import { InputError } from '../util/input-error.ts';
import type { Report } from '../model/report.ts';
import { reporters } from '../report/index.ts';
import { writeFileAtomic } from './files.ts';
import { wantsColor } from './color.ts';
import { THRESHOLD_EXIT_CODE, appendStepSummary, gateExitCode, thresholdsFailed } from './gate.ts';
import { readReportFile } from './report-file.ts';
import type { CommandIO } from './io.ts';

export const BASELINES_DIR = join('results', 'baselines');

export const RUN_GATE_FLAGS = {
  'save-baseline': { type: 'string' },
  baseline: { type: 'string' },
  config: { type: 'string' },
  'allow-missing': { type: 'boolean' },
} as const;

export const RUN_GATE_HELP = `  --save-baseline NAME   also write ${BASELINES_DIR}/NAME.json (to commit) when the run completes
  --baseline NAME        compare with ${BASELINES_DIR}/NAME.json (or a .json path) after measuring;
                         exit 1 on a regression (use --iterations 10 or more for gating)
  --config FILE          check absolute thresholds from FILE (fanout-bench.config.json); exit 99 on failure
  --allow-missing        with --baseline: pass even when nothing was compared (no metric in common) or
                         thresholded metrics are missing from this run (default: exit 1)
`;

export interface RunGate {
  saveBaseline: string | null;
  baseline: SourcedReport | null;
  config: BenchConfig | null;
  /** Pass even when the baseline and this run share no metric, or gated metrics are missing. */
  allowMissing: boolean;
}

/** NAME → results/baselines/NAME.json; anything with a slash or ending in .json is a path. */
export function baselinePath(flag: string, name: string): string {
  if (name.includes('/') || name.includes('\\') || name.endsWith('.json')) return name;
  if (!/^[\w.-]+$/.test(name)) throw new InputError(`--${flag}: "${name}" is not a baseline name (letters, digits, . _ -) or a .json path`);
  return join(BASELINES_DIR, `${name}.json`);
}

export async function loadRunGate(values: { 'save-baseline'?: string; baseline?: string; config?: string; 'allow-missing'?: boolean }): Promise<RunGate> {
  const [baseline, config] = await Promise.all([
    values.baseline === undefined ? null : readReportFile(baselinePath('baseline', values.baseline)),
    values.config === undefined ? null : loadConfig(values.config),
  ]);
  return {
    saveBaseline: values['save-baseline'] === undefined ? null : baselinePath('save-baseline', values['save-baseline']),
    baseline,
    config,
    allowMissing: values['allow-missing'] ?? false,
  };
}

/** Saves, compares and checks after the run; returns the gate's exit code (0, 1 or 99). */
export async function finishRunGate(report: Report, reportPath: string | null, gate: RunGate, io: CommandIO, quietStdout: boolean): Promise<number> {
  const out = quietStdout ? io.stderr : io.stdout;
  if (gate.saveBaseline !== null) {
    if (report.complete) {
      await writeFileAtomic(gate.saveBaseline, reporters.json.render(report));
      io.stderr.write(`saved baseline ${gate.saveBaseline}\n`);
    } else io.stderr.write(`baseline not saved: the run did not complete\n`);
  }
  const thresholds = gate.config?.thresholds;
  if (gate.baseline !== null) {
    const comparison = compareReports(gate.baseline, { report, source: reportPath ?? 'this run' }, thresholds ? { thresholds } : {});
    out.write(`\n${comparisonReporters.table.render(comparison, { color: wantsColor(out) })}`);
    await appendStepSummary(comparisonReporters.markdown.render(comparison));
    const code = gateExitCode(comparison, { failOn: 'regressed', strict: false });
    if (code === THRESHOLD_EXIT_CODE || gate.allowMissing) return code;
    // A gate that compared nothing (a renamed bench, another URL set) must not pass silently.
    const gap = coverageGap(extractMetrics(gate.baseline.report), extractMetrics(report), { metricGlobs: [], thresholdPatterns: thresholds?.map((t) => t.pattern) ?? [] });
    if (gap === null) return code;
    io.stderr.write(`fanout-bench: run: ${describeCoverageGap(gap, gate.baseline.source, reportPath ?? 'this run', '--allow-missing')}\n`);
    return 1;
  }
  if (thresholds) {
    const results = evaluateThresholds(extractMetrics(report), thresholds);
    out.write(`\n${thresholdsText(results)}`);
    await appendStepSummary(`### fanout-bench thresholds\n\n${thresholdsMarkdown(results)}`);
    return thresholdsFailed(results) ? THRESHOLD_EXIT_CODE : 0;
  }
  return 0;
}
