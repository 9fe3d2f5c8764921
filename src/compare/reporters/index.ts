// The comparison-format registry: adding a format is one file plus one line here.
import { bmfReporter } from './bmf.ts';
import { githubActionBenchmarkFiles } from './github-action-benchmark.ts';
import { comparisonHtmlReporter } from './html.ts';
import { comparisonJsonReporter } from './json.ts';
import { comparisonMarkdownReporter } from './markdown.ts';
import type { ComparisonFileSet, ComparisonReporter } from './reporter.ts';
import { comparisonTableReporter } from './table.ts';

/** Formats rendered to one text, printed on stdout. */
export const comparisonReporters = {
  table: comparisonTableReporter,
  markdown: comparisonMarkdownReporter,
  json: comparisonJsonReporter,
  bmf: bmfReporter,
  html: comparisonHtmlReporter,
} as const satisfies Record<string, ComparisonReporter>;

/** Formats made of several files, written under --out. */
export const comparisonFileSets = {
  'github-action-benchmark': githubActionBenchmarkFiles,
} as const satisfies Record<string, ComparisonFileSet>;

export type ComparisonFormat = keyof typeof comparisonReporters | keyof typeof comparisonFileSets;
export const COMPARISON_FORMATS = [...Object.keys(comparisonReporters), ...Object.keys(comparisonFileSets)] as ComparisonFormat[];
export type { ComparisonFileSet, ComparisonReporter } from './reporter.ts';
export { thresholdsMarkdown, thresholdsText } from './thresholds.ts';
