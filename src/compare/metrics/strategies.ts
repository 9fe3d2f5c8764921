// Wall time of every strategy row: one metric per fixture × strategy × k × client.
import { median } from '../../stats/median.ts';
import type { MetricExtractor } from './metric.ts';

export const strategiesExtractor = {
  section: 'strategies',
  extract: (report) =>
    report.strategies.map((row) => ({
      id: `strategies/${row.fixture}/${row.name}/k=${row.concurrency ?? '-'}/${row.client}/wallMs`,
      unit: 'ms',
      direction: 'lower',
      samples: [...row.wallMs.samples],
      value: row.wallMs.samples.length > 0 ? median(row.wallMs.samples) : row.wallMs.p50,
    })),
} satisfies MetricExtractor;
