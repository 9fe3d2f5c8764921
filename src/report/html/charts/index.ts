// The report's charts, in page order and grouped by section: adding a chart is one file plus one
// line here.
import type { Report } from '../../../model/report.ts';
import type { Chart } from '../figure.ts';
import { llmGoodputChart } from './llm-goodput.ts';
import { llmLatencyChart } from './llm-latency.ts';
import { llmSlowestChart } from './llm-slowest.ts';
import { llmTokensChart } from './llm-tokens.ts';
import { llmWasteChart } from './llm-waste.ts';
import { loadPercentilesChart } from './load-percentiles.ts';
import { loadThroughputChart } from './load-throughput.ts';
import { microChart } from './micro.ts';
import { openLatencyChart } from './open-latency.ts';
import { speedupChart } from './speedup.ts';
import { variantFactsChart } from './variant-facts.ts';
import { wallIdealChart } from './wall-ideal.ts';
import { waterfallChart } from './waterfall.ts';

export interface ChartSection {
  title: string;
  charts: Array<Chart<Report>>;
}

export const REPORT_SECTIONS: ChartSection[] = [
  { title: 'Strategies: where the time went', charts: [waterfallChart, wallIdealChart, variantFactsChart, speedupChart] },
  { title: 'LLM calls: streamed answers measured on the client', charts: [llmLatencyChart, llmTokensChart, llmWasteChart, llmGoodputChart, llmSlowestChart] },
  { title: 'Load: closed loop (autocannon)', charts: [loadThroughputChart, loadPercentilesChart] },
  { title: 'Open loop: latency against offered rate', charts: [openLatencyChart] },
  { title: 'Micro-benchmarks (tinybench)', charts: [microChart] },
];
