// The reporter registry: adding an output format is one file plus one line here.
import { htmlReporter } from './html/index.ts';
import { jsonReporter } from './json.ts';
import { markdownReporter } from './markdown.ts';
import type { Reporter } from './reporter.ts';
import { resilienceReporter } from './resilience.ts';
import { tableReporter } from './table.ts';
import { waterfallReporter } from './waterfall.ts';

export const reporters = {
  table: tableReporter,
  waterfall: waterfallReporter,
  resilience: resilienceReporter,
  markdown: markdownReporter,
  json: jsonReporter,
  html: htmlReporter,
} as const satisfies Record<string, Reporter>;

export type ReporterName = keyof typeof reporters;
export type { Reporter } from './reporter.ts';
