import { terminalTable } from './terminal-table.ts';
import { STRATEGY_COLUMNS, strategyCells } from './format.ts';
import { renderLoadTable } from './load-table.ts';
import { renderOpenTable } from './open-table.ts';
import { microTable } from './micro-table.ts';
import type { Reporter } from './reporter.ts';
import { paint, type RenderOptions } from './color.ts';
import { scaleTable } from './scale-table.ts';

const OK_FAILED = STRATEGY_COLUMNS.indexOf('ok/failed');

export const tableReporter = {
  name: 'table',
  description: 'terminal comparison table of every strategy row',
  render(report, options?: RenderOptions) {
    const { bad } = paint(options);
    const table = terminalTable([...STRATEGY_COLUMNS]);
    for (const row of report.strategies) {
      const cells = strategyCells(row);
      if (row.requests.failed > 0) cells[OK_FAILED] = `${row.requests.ok}/${bad(String(row.requests.failed))}`;
      table.push(cells);
    }
    const lines = report.strategies.length > 0 ? [table.toString()] : [];
    const strategiesRan = report.strategies.length > 0 || report.errors.length > 0 || report.config.suites.includes('strategies');
    if (strategiesRan) lines.push(
      `${report.config.iterations} measured runs per row after ${report.config.warmup} warm-up; ` +
        `ok/failed counts requests over all measured runs; client ${report.config.client}; time scale ${report.config.timeScale}.`,
    );
    for (const error of report.errors) {
      lines.push(bad(`ERROR ${error.fixture}/${error.name}${error.concurrency === null ? '' : `(${error.concurrency})`}: ${error.error}`));
    }
    if (!report.complete) lines.push('INCOMPLETE: the run was interrupted; rows above are what finished.');
    if (strategiesRan && report.strategies.length === 0) lines.push('no strategy rows were measured');
    if (report.load) lines.push('', renderLoadTable(report.load));
    if (report.open) lines.push('', renderOpenTable(report.open));
    if (report.micro) lines.push(microTable(report.micro));
    if (report.scale) lines.push(scaleTable(report.scale));
    return `${lines.join('\n')}\n`;
  },
} satisfies Reporter;
