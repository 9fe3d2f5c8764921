import type { Comparison } from '../model.ts';
import { escapeCell } from '../../report/format.ts';
import { COMPARISON_COLUMNS, comparisonCells, environmentLines, summaryLine } from './format.ts';
import type { ComparisonReporter } from './reporter.ts';
import { thresholdsMarkdown } from './thresholds.ts';

const VERDICT_CELL = { regressed: '❌ regressed', improved: '✅ improved', unchanged: 'unchanged' } as const;

export const comparisonMarkdownReporter = {
  name: 'markdown',
  description: 'GitHub-flavoured markdown summary (table and verdicts), also what GITHUB_STEP_SUMMARY receives',
  render(comparison: Comparison) {
    const { counts } = comparison;
    const headline =
      counts.regressed > 0
        ? `❌ **${counts.regressed} regressed**`
        : counts.improved > 0
          ? `✅ no regression, ${counts.improved} improved`
          : '✅ no regression';
    const lines = ['### fanout-bench compare', '', headline, ''];
    const env = environmentLines(comparison);
    if (env.length > 0) {
      lines.push('> [!WARNING]', '> The reports were not measured alike; differences may not be the code.', ...env.map((l) => `> - ${escapeCell(l)}`), '');
    }
    if (comparison.metrics.length > 0) {
      lines.push(`| ${COMPARISON_COLUMNS.join(' | ')} |`, '|---|---:|---:|---:|---:|---:|---|');
      for (const m of comparison.metrics) {
        lines.push(`| ${comparisonCells(m, `\`${m.id}\``, VERDICT_CELL[m.verdict]).map(escapeCell).join(' | ')} |`);
      }
    } else lines.push('No metric is present in both reports.');
    lines.push('', summaryLine(comparison));
    const notes = comparison.metrics.filter((m) => m.note);
    if (notes.length > 0) lines.push('', ...notes.map((m) => `- note: \`${m.id}\`: ${escapeCell(m.note ?? '')}`));
    if (comparison.onlyInBaseline.length + comparison.onlyInCurrent.length > 0) {
      lines.push(
        '',
        ...comparison.onlyInBaseline.map((id) => `- missing in current: \`${id}\``),
        ...comparison.onlyInCurrent.map(({ id }) => `- new in current (no baseline): \`${id}\``),
      );
    }
    const thresholds = thresholdsMarkdown(comparison.thresholds);
    if (thresholds) lines.push('', thresholds.trimEnd());
    lines.push('', `<sub>baseline ${refText(comparison.baseline)} · current ${refText(comparison.current)}</sub>`);
    return `${lines.join('\n')}\n`;
  },
} satisfies ComparisonReporter;

const refText = (ref: Comparison['baseline']): string =>
  `\`${escapeCell(ref.source)}\` (${ref.startedAt}${ref.gitCommit ? `, ${ref.gitCommit.slice(0, 7)}` : ''})`;
