// The terminal output: each registered suite's table in registry order, then what failed or was cut short.
import type { Report } from '../model/report.ts';
import { suites } from '../suites/index.ts';
import type { AnySuite } from '../suites/suite.ts';
import { paint, type RenderOptions } from './color.ts';
import type { Reporter } from './reporter.ts';

export function renderSuiteTables(report: Report, registry: Record<string, AnySuite> = suites, options?: RenderOptions): string {
  const { bad } = paint(options);
  const sections = report as Record<string, unknown>;
  const parts = Object.entries(registry).map(([name, suite]) => suite.render({ section: sections[name], report, ...(options ? { render: options } : {}) }));
  const [first = '', ...rest] = parts;
  const lines = first === '' ? [] : [first];
  for (const error of report.errors) {
    lines.push(bad(`ERROR ${error.fixture}/${error.name}${error.concurrency === null ? '' : `(${error.concurrency})`}: ${error.error}`));
  }
  if (!report.complete) lines.push('INCOMPLETE: the run was interrupted; rows above are what finished.');
  lines.push(...rest.filter((text) => text !== ''));
  return `${lines.join('\n')}\n`;
}

export const tableReporter = {
  name: 'table',
  description: 'terminal tables: every row, then each suite that ran',
  render: (report, options?: RenderOptions) => renderSuiteTables(report, suites, options),
} satisfies Reporter;
