import type { Comparison } from '../model.ts';
import type { ComparisonReporter } from './reporter.ts';

/** The comparison model is plain data: its JSON is a single encode. */
export const comparisonJsonReporter = {
  name: 'json',
  description: 'the comparison as JSON',
  render: (comparison: Comparison) => `${JSON.stringify(comparison, null, 2)}\n`,
} satisfies ComparisonReporter;
