// How many marks each chart should draw for a report, counted from the model alone (not from the
// renderer), so a chart that drops or duplicates a row fails the page tests and the browser test.
import type { Report } from '../../../src/model/report.ts';

export function expectedMarks(report: Report): Record<string, number> {
  const marks: Record<string, number> = {};
  const add = (chart: string, n: number): void => {
    if (n > 0) marks[chart] = (marks[chart] ?? 0) + n;
  };
  add('waterfall', report.strategies.reduce((sum, row) => sum + row.timeline.length, 0));
  add('wall-ideal', report.strategies.length);
  add('speedup', report.strategies.filter((row) => row.speedup !== null).length);
  add('variant-facts', report.strategies.filter((row) => row.variant !== undefined).length);
  const llm = report.strategies.filter((row) => row.llm !== undefined);
  add('llm-latency', llm.reduce((sum, row) => sum + 2 + row.timeline.filter((r) => typeof r.stream?.ttftMs === 'number').length, 0));
  add('llm-tokens', llm.length);
  add('llm-waste', llm.filter((row) => row.llm?.wastedRequests !== undefined).length);
  add('llm-goodput', llm.filter((row) => row.llm?.goodput).length);
  add('llm-slowest', 4 * llm.filter((row) => row.llm?.slowestOfN).length);
  const outcomes = report.load?.points.flatMap((p) => [p.delayServer, p.bare]).filter((o) => o.state === 'measured') ?? [];
  add('load-throughput', outcomes.length);
  add('load-percentiles', outcomes.filter((o) => o.state === 'measured' && o.completed > 0).length);
  add('open-latency', report.open?.steps.filter((s) => s.fromIntendedMs !== null).length ?? 0);
  add('micro', (report.micro?.clients.length ?? 0) + (report.micro?.schedulers.length ?? 0));
  return marks;
}
