// `fanout-bench compare BASELINE CURRENT`: two report files → comparison → stdout, files, step
// summary and the exit code (0 no regression, 1 regression, 2 bad input, 99 threshold failed).
import { COMPARE_DEFAULTS, compareReports } from '../compare/compare.ts';
import { coverageGap, describeCoverageGap } from '../compare/coverage.ts';
import { extractMetrics } from '../compare/metrics/index.ts';
import { comparisonReporters, COMPARISON_FORMATS, type ComparisonFormat } from '../compare/reporters/index.ts';
import { loadConfig } from '../compare/thresholds/config.ts';
import { THRESHOLD_OPS, THRESHOLD_STATS } from '../compare/thresholds/parse.ts';
import { InputError } from '../util/input-error.ts';
import { wantsColor } from './color.ts';
import { oneOf } from './flags.ts';
import { FAIL_ON, THRESHOLD_EXIT_CODE, appendStepSummary, gateExitCode, refuseUnlike, renderComparison, writeFiles, type FailOn } from './gate.ts';
import { parseFlags } from './parse.ts';
import { readReportFile } from './report-file.ts';
import type { CommandIO } from './io.ts';

export const COMPARE_HELP = `Usage: fanout-bench compare BASELINE CURRENT [flags]

Compares two JSON reports metric by metric (ids like strategies/lesson/pool/k=2/undici/wallMs):
median ratio, a 95% bootstrap CI of the ratio of medians, a Mann–Whitney U p-value, and a verdict.
A metric is regressed or improved only when the change is significant at --alpha AND its whole
CI lies beyond ±--threshold; otherwise unchanged. Lower is better for times, higher for throughput.
Statistics need samples: measure with --iterations 10 or more (3 samples can never be significant).

  --threshold PCT     noise threshold in percent (default: ${COMPARE_DEFAULTS.threshold * 100})
  --alpha A           significance level (default: ${COMPARE_DEFAULTS.alpha})
  --metric GLOB       compare only matching ids; * within a segment, ** across; repeatable
  --format F          ${COMPARISON_FORMATS.join(' | ')} (default: table)
  --out DIR           where github-action-benchmark writes customSmallerIsBetter.json and
                      customBiggerIsBetter.json (default: results)
  --fail-on WHEN      ${FAIL_ON.join(' | ')}: what exits 1 (default: regressed)
  --strict            refuse reports measured alike differently (node major, CPU, cores, time
                      scale, strategy config) with exit 2; metrics missing on a side exit 1
  --allow-missing     pass even when the reports share no metric, or when metrics selected by
                      --metric or named by a threshold are missing from CURRENT (else exit 1)
  --config FILE       absolute thresholds, e.g. {"thresholds": {"strategies/**": ["p50 < 2100"]}};
                      stats ${THRESHOLD_STATS.join(' ')}, ops ${THRESHOLD_OPS.join(' ')}
  --help              this text

Exit: 0 no regression, 1 regression or nothing compared, 2 bad input or --strict refusal, 99 a threshold failed.
When GITHUB_STEP_SUMMARY is set, the markdown summary is appended to that file.
`;

export interface CompareCommandOptions {
  baseline: string;
  current: string;
  threshold: number;
  alpha: number;
  metricGlobs: string[];
  format: ComparisonFormat;
  out: string;
  failOn: FailOn;
  strict: boolean;
  config: string | null;
  allowMissing: boolean;
}

export function parseCompareFlags(args: string[]): CompareCommandOptions | 'help' {
  const { values, positionals } = parseFlags('compare', args, {
    threshold: { type: 'string' },
    alpha: { type: 'string' },
    metric: { type: 'string', multiple: true },
    format: { type: 'string' },
    out: { type: 'string' },
    'fail-on': { type: 'string' },
    strict: { type: 'boolean' },
    config: { type: 'string' },
    'allow-missing': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return 'help';
  const [baseline, current, extra] = positionals;
  if (baseline === undefined || current === undefined || extra !== undefined) {
    throw new InputError(`compare: expected two report files, BASELINE and CURRENT, got ${positionals.length} (see fanout-bench compare --help)`);
  }
  return {
    baseline,
    current,
    threshold: values.threshold === undefined ? COMPARE_DEFAULTS.threshold : thresholdPct(values.threshold),
    alpha: values.alpha === undefined ? COMPARE_DEFAULTS.alpha : alpha(values.alpha),
    metricGlobs: values.metric ?? [],
    format: values.format === undefined ? 'table' : oneOf('format', values.format, COMPARISON_FORMATS),
    out: values.out ?? 'results',
    failOn: values['fail-on'] === undefined ? 'regressed' : oneOf('fail-on', values['fail-on'], FAIL_ON),
    strict: values.strict ?? false,
    config: values.config ?? null,
    allowMissing: values['allow-missing'] ?? false,
  };
}

/** `5` or `5%` → 0.05. */
export function thresholdPct(raw: string): number {
  const text = raw.trim().replace(/%$/, '');
  const pct = Number(text);
  if (text === '' || !Number.isFinite(pct) || pct < 0 || pct >= 100) throw new InputError(`--threshold: expected a percentage in [0, 100), got "${raw}"`);
  return pct / 100;
}

function alpha(raw: string): number {
  const value = Number(raw);
  if (raw.trim() === '' || !(value > 0 && value < 1)) throw new InputError(`--alpha: expected a number between 0 and 1, got "${raw}"`);
  return value;
}

export async function compareCommand(args: string[], io: CommandIO): Promise<number> {
  const options = parseCompareFlags(args);
  if (options === 'help') {
    io.stdout.write(COMPARE_HELP);
    return 0;
  }
  const [baseline, current, config] = await Promise.all([
    readReportFile(options.baseline),
    readReportFile(options.current),
    options.config === null ? null : loadConfig(options.config),
  ]);
  const comparison = compareReports(baseline, current, {
    threshold: options.threshold,
    alpha: options.alpha,
    metricGlobs: options.metricGlobs,
    ...(config ? { thresholds: config.thresholds } : {}),
  });
  if (options.strict) refuseUnlike(comparison);
  const rendered = renderComparison(comparison, options.format, options.out, { color: wantsColor(io.stdout) });
  await writeFiles(rendered.files);
  await appendStepSummary(comparisonReporters.markdown.render(comparison));
  io.stdout.write(rendered.text);
  const humanReadable = options.format === 'table' || options.format === 'markdown' || rendered.files.length > 0;
  if (!humanReadable && comparison.environment.length > 0) {
    io.stderr.write(`fanout-bench: WARNING: the reports were not measured alike (${comparison.environment.map((d) => d.field).join(', ')})\n`);
  }
  for (const [path] of rendered.files) io.stderr.write(`wrote ${path}\n`);
  const code = gateExitCode(comparison, options);
  if (code === THRESHOLD_EXIT_CODE && !humanReadable) io.stderr.write('fanout-bench: a threshold failed\n');
  if (code === THRESHOLD_EXIT_CODE || options.allowMissing) return code;
  const gap = coverageGap(extractMetrics(baseline.report), extractMetrics(current.report), {
    metricGlobs: options.metricGlobs,
    thresholdPatterns: config?.thresholds.map((t) => t.pattern) ?? [],
  });
  if (gap === null) return code;
  io.stderr.write(`fanout-bench: compare: ${describeCoverageGap(gap, baseline.source, current.source, '--allow-missing')}\n`);
  return 1;
}
