// The comparison as one self-contained HTML page: a chart of every metric's change and its table.
import { compareMetricsChart } from '../../report/html/charts/compare-metrics.ts';
import { pageHtml } from '../../report/html/page.ts';
import type { Comparison } from '../model.ts';
import { environmentLines, summaryLine, thresholdLine } from './format.ts';
import type { ComparisonReporter } from './reporter.ts';

export const comparisonHtmlReporter = {
  name: 'html',
  description: 'one self-contained HTML page: change and CI per metric, coloured by verdict, a table under it',
  render(comparison: Comparison) {
    const ref = (r: Comparison['baseline']): string => `${r.source} (${r.startedAt}${r.gitCommit ? `, ${r.gitCommit.slice(0, 7)}` : ''}${r.complete ? '' : ', INCOMPLETE'})`;
    const env = environmentLines(comparison);
    const notes = [
      summaryLine(comparison),
      ...(env.length > 0 ? ['WARNING: the reports were not measured alike; differences may not be the code:', ...env] : []),
      ...comparison.metrics.filter((m) => m.note).map((m) => `note: ${m.id}: ${m.note}`),
      ...comparison.onlyInBaseline.map((id) => `missing in current: ${id}`),
      ...comparison.onlyInCurrent.map(({ id }) => `new in current (no baseline): ${id}`),
      ...comparison.thresholds.map(thresholdLine),
    ];
    return pageHtml({
      title: 'fanout-bench comparison',
      facts: [`baseline: ${ref(comparison.baseline)}`, `current: ${ref(comparison.current)}`],
      sections: [{ title: 'Metrics', figures: compareMetricsChart.figures(comparison), notes }],
    });
  },
} satisfies ComparisonReporter;
