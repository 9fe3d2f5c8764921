// From a comparison to files, stdout and an exit code: shared by `compare` and `run --baseline`.
import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Comparison, ThresholdResult } from '../compare/model.ts';
import { comparisonFileSets, comparisonReporters, type ComparisonFormat } from '../compare/reporters/index.ts';
import { InputError } from '../util/input-error.ts';
import type { RenderOptions } from '../report/color.ts';
import { writeFileAtomic } from './files.ts';

export const FAIL_ON = ['regressed', 'any-change', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** k6's exit code for a failed threshold. */
export const THRESHOLD_EXIT_CODE = 99;

export interface GateOptions {
  failOn: FailOn;
  /** Refuse unlike environments; missing metrics fail the gate. */
  strict: boolean;
}

/** 99 when a threshold failed, 1 when the comparison fails the gate, else 0. */
export function gateExitCode(comparison: Comparison, options: GateOptions): number {
  if (thresholdsFailed(comparison.thresholds)) return THRESHOLD_EXIT_CODE;
  const { regressed, improved } = comparison.counts;
  if (options.failOn === 'regressed' && regressed > 0) return 1;
  if (options.failOn === 'any-change' && regressed + improved > 0) return 1;
  if (options.strict && comparison.onlyInBaseline.length + comparison.onlyInCurrent.length > 0) return 1;
  return 0;
}

export const thresholdsFailed = (results: readonly ThresholdResult[]): boolean => results.some((t) => !t.passed);

/** With --strict, reports measured unlike are bad input: one line naming every difference. */
export function refuseUnlike(comparison: Comparison): void {
  if (comparison.environment.length === 0) return;
  const differences = comparison.environment.map((d) => `${d.field}: ${d.baseline} ≠ ${d.current}`).join('; ');
  throw new InputError(`--strict: ${comparison.baseline.source} and ${comparison.current.source} were not measured alike (${differences})`);
}

export interface RenderedComparison {
  /** What goes to stdout. */
  text: string;
  /** Files to write (path → text). */
  files: Array<[path: string, text: string]>;
}

export function renderComparison(comparison: Comparison, format: ComparisonFormat, outDir: string, options: RenderOptions = {}): RenderedComparison {
  if (format in comparisonFileSets) {
    const set = comparisonFileSets[format as keyof typeof comparisonFileSets];
    return {
      text: comparisonReporters.table.render(comparison, options),
      files: Object.entries(set.files).map(([name, render]) => [join(outDir, name), render(comparison)]),
    };
  }
  return { text: comparisonReporters[format as keyof typeof comparisonReporters].render(comparison, options), files: [] };
}

/** GitHub Actions shows what is appended to $GITHUB_STEP_SUMMARY on the run's page. */
export async function appendStepSummary(markdown: string, env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return null;
  await appendFile(file, `${markdown}\n`, 'utf8');
  return file;
}

export async function writeFiles(files: RenderedComparison['files']): Promise<void> {
  for (const [path, text] of files) await writeFileAtomic(path, text);
}
