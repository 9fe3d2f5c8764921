// The HTML reporter: the report as one self-contained page of SVG charts, each with its table.
import type { Report } from '../../model/report.ts';
import { strategyLabel } from '../format.ts';
import type { Reporter } from '../reporter.ts';
import { REPORT_SECTIONS } from './charts/index.ts';
import { pageHtml, type PageSection } from './page.ts';

export const htmlReporter = {
  name: 'html',
  description: 'one self-contained HTML page of charts (SVG, no script, no network), a table under each',
  render(report) {
    const sections: PageSection[] = [];
    for (const section of REPORT_SECTIONS) {
      const figures = section.charts.flatMap((chart) => chart.figures(report));
      const notes = section === REPORT_SECTIONS[0] ? strategyNotes(report) : [];
      if (figures.length > 0 || notes.length > 0) sections.push({ title: section.title, figures, notes });
    }
    return pageHtml({ title: `fanout-bench report, ${report.startedAt}`, facts: facts(report), sections });
  },
} satisfies Reporter;

function facts(report: Report): string[] {
  const env = report.environment;
  return [
    `fanout-bench ${report.tool.version}; suites ${report.config.suites.join(', ')}; client ${report.config.client}; time scale ${report.config.timeScale}; ${report.config.iterations} measured runs per row after ${report.config.warmup} warm-up`,
    `node ${env.node} on ${env.platform}/${env.arch}, ${env.cpus} × ${env.cpuModel}${env.gitCommit ? `; commit ${env.gitCommit.slice(0, 12)}` : ''}`,
    ...(report.complete ? [] : ['INCOMPLETE: the run was interrupted; what follows is what finished.']),
  ];
}

function strategyNotes(report: Report): string[] {
  return report.errors.map((e) => `ERROR ${e.fixture}/${strategyLabel(e)}: ${e.error}`);
}
