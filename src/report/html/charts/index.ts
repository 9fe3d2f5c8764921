// The report's charts, in page order and grouped by section: adding a chart is one file plus one
// line here (the LLM rows' TTFT, inter-token, goodput and slowest-of-N charts go in a section of their own).
import type { Report } from '../../../model/report.ts';
import type { Chart } from '../figure.ts';
import { loadPercentilesChart } from './load-percentiles.ts';
import { loadThroughputChart } from './load-throughput.ts';
import { microChart } from './micro.ts';
import { openLatencyChart } from './open-latency.ts';
import { speedupChart } from './speedup.ts';
import { wallIdealChart } from './wall-ideal.ts';
import { waterfallChart } from './waterfall.ts';

export interface ChartSection {
  title: string;
  charts: Array<Chart<Report>>;
}

export const REPORT_SECTIONS: ChartSection[] = [
  { title: 'Strategies: where the time went', charts: [waterfallChart, wallIdealChart, speedupChart] },
  { title: 'Load: closed loop (autocannon)', charts: [loadThroughputChart, loadPercentilesChart] },
  { title: 'Open loop: latency against offered rate', charts: [openLatencyChart] },
  { title: 'Micro-benchmarks (tinybench)', charts: [microChart] },
];
