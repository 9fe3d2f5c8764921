// A report with every section the HTML page draws, put together from the repository's fixtures:
// the strategies of report-lesson-agent.json, the load and open sections of their suites' tests,
// and the micro section of the micro/scale report. The LLM report is bench/llm.bench.ts run with
// `--suite strategies --iterations 3 --slo ttft:300,tpot:20`, its chunks dropped and numbers rounded.
import { readFileSync } from 'node:fs';
import type { Report } from '../../../src/model/report.ts';
import { parseReport } from '../../../src/model/schema.ts';

const json = (path: string): unknown => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));

export const strategiesReport = (): Report => parseReport(json('../../fixtures/report-lesson-agent.json'), 'report-lesson-agent.json');

export const llmReport = (): Report => parseReport(json('./report-llm.json'), 'report-llm.json');

export function fullReport(): Report {
  const base = strategiesReport();
  const micro = (json('../fixtures/micro-scale-report.json') as { micro: unknown }).micro;
  const merged = {
    ...base,
    config: { ...base.config, suites: ['strategies', 'load', 'open', 'micro'] },
    load: json('../../suites/load/fixtures/load-section.json'),
    open: json('../../suites/open/fixtures/open-section.json'),
    micro,
  };
  return parseReport(merged, 'full report');
}
