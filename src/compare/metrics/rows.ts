// Wall time of every row: one metric per fixture × strategy × k × client.
import type { Metric } from './metric.ts';
import type { StrategyResult } from '../../model/records.ts';
import { median } from '../../stats/median.ts';

export const rowMetrics = (rows: readonly StrategyResult[]): Metric[] =>
  rows.map((row) => ({
    id: `strategies/${row.fixture}/${row.name}/k=${row.concurrency ?? '-'}/${row.client}/wallMs`,
    unit: 'ms',
    direction: 'lower',
    samples: [...row.wallMs.samples],
    value: row.wallMs.samples.length > 0 ? median(row.wallMs.samples) : row.wallMs.p50,
  }));
