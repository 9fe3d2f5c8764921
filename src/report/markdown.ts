import { STRATEGY_COLUMNS, escapeCell, strategyCells } from './format.ts';
import type { Reporter } from './reporter.ts';

export const markdownReporter = {
  name: 'markdown',
  description: 'GitHub-flavoured markdown table of every strategy row',
  render(report) {
    const lines = [
      `| ${STRATEGY_COLUMNS.join(' | ')} |`,
      `|${STRATEGY_COLUMNS.map(() => '---').join('|')}|`,
      ...report.strategies.map((row) => `| ${strategyCells(row).map(escapeCell).join(' | ')} |`),
    ];
    const env = report.environment;
    lines.push('', `${report.config.iterations} measured runs per row; node ${env.node}, ${env.cpus} × ${env.cpuModel}; time scale ${report.config.timeScale}.`);
    for (const error of report.errors) lines.push(`- **error** ${error.fixture}/${error.name}: ${escapeCell(error.error)}`);
    if (!report.complete) lines.push('', '**Incomplete run**: the rows above are what finished.');
    return `${lines.join('\n')}\n`;
  },
} satisfies Reporter;
