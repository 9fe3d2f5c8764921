import { terminalTable } from '../../report/terminal-table.ts';
import type { Comparison } from '../model.ts';
import { COMPARISON_COLUMNS, VERDICT_LABEL, comparisonCells, environmentLines, summaryLine } from './format.ts';
import type { ComparisonReporter } from './reporter.ts';
import { thresholdsText } from './thresholds.ts';
import { paint, type RenderOptions } from '../../report/color.ts';


export const comparisonTableReporter = {
  name: 'table',
  description: 'terminal table: baseline, current, change, CI, p-value and verdict per metric',
  render(comparison: Comparison, options?: RenderOptions) {
    const { bad, good } = paint(options);
    const verdict = { regressed: bad, improved: good, unchanged: (text: string) => text } as const;
    const lines: string[] = [];
    const env = environmentLines(comparison);
    if (env.length > 0) lines.push('WARNING: the reports were not measured alike; differences may not be the code:', ...env.map((l) => `  ${l}`), '');
    lines.push(`baseline: ${refLine(comparison.baseline)}`, `current:  ${refLine(comparison.current)}`);
    if (comparison.metrics.length > 0) {
      const table = terminalTable([...COMPARISON_COLUMNS]);
      for (const m of comparison.metrics) {
        table.push(comparisonCells(m, m.id, verdict[m.verdict](VERDICT_LABEL[m.verdict])));
      }
      lines.push(table.toString());
    } else lines.push('no metric is present in both reports');
    for (const m of comparison.metrics) if (m.note) lines.push(`note: ${m.id}: ${m.note}`);
    lines.push(summaryLine(comparison));
    for (const id of comparison.onlyInBaseline) lines.push(`missing in current: ${id}`);
    for (const { id } of comparison.onlyInCurrent) lines.push(`new in current (no baseline): ${id}`);
    const thresholds = thresholdsText(comparison.thresholds);
    if (thresholds) lines.push(thresholds.trimEnd());
    return `${lines.join('\n')}\n`;
  },
} satisfies ComparisonReporter;

const refLine = (ref: Comparison['baseline']): string =>
  `${ref.source} (${ref.startedAt}${ref.gitCommit ? `, ${ref.gitCommit.slice(0, 7)}` : ''}${ref.complete ? '' : ', INCOMPLETE'})`;
