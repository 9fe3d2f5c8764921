// Wall time of every row: one metric per fixture × strategy × k × client, and per bench × variant.
import type { Metric } from './metric.ts';
import type { StrategyResult } from '../../model/records.ts';
import { median } from '../../stats/median.ts';

export const rowMetrics = (rows: readonly StrategyResult[]): Metric[] =>
  rows.map((row) => ({
    // A bench variant is the user's code under its own name: bench/<bench>/<variant>/wallMs.
    id: row.kind === 'variant' ? `bench/${row.fixture}/${row.name}/wallMs` : `strategies/${row.fixture}/${row.name}/k=${row.concurrency ?? '-'}/${row.client}/wallMs`,
    unit: 'ms',
    direction: 'lower',
    samples: [...row.wallMs.samples],
    value: row.wallMs.samples.length > 0 ? median(row.wallMs.samples) : row.wallMs.p50,
  }));
