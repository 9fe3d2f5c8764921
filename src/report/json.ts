import type { Reporter } from './reporter.ts';

/** The model is the schema: the JSON report is a single encode. */
export const jsonReporter = {
  name: 'json',
  description: 'the versioned JSON report (schema/report.schema.json)',
  render: (report) => `${JSON.stringify(report, null, 2)}\n`,
} satisfies Reporter;
