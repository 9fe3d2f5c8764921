// Bencher Metric Format: {"<benchmark>": {"<measure>": {value, lower_value, upper_value}}}.
// Bencher's built-in measures: latency in nanoseconds, throughput in operations per second.
import type { MetricUnit } from '../metrics/index.ts';
import type { Comparison } from '../model.ts';
import type { ComparisonReporter } from './reporter.ts';

// Cost and goodput are measures of their own (a Bencher project declares them by these slugs).
const MEASURES: Record<MetricUnit, { measure: 'latency' | 'throughput' | 'cost-usd' | 'goodput-share'; scale: number }> = {
  ms: { measure: 'latency', scale: 1e6 },
  'req/s': { measure: 'throughput', scale: 1 },
  'ops/s': { measure: 'throughput', scale: 1 },
  usd: { measure: 'cost-usd', scale: 1 },
  ratio: { measure: 'goodput-share', scale: 1 },
};

interface BmfValue {
  value: number;
  lower_value?: number;
  upper_value?: number;
}

export const bmfReporter = {
  name: 'bmf',
  description: 'Bencher Metric Format of every current metric (latency in ns, throughput in ops/s; bounds = min/max sample)',
  render(comparison: Comparison) {
    const out: Record<string, Record<string, BmfValue>> = {};
    for (const m of [...comparison.metrics, ...comparison.onlyInCurrent]) {
      const { measure, scale } = MEASURES[m.unit];
      const { value, min, max, n } = m.current;
      // Three decimals of the measure's unit; dollars keep nine (a run of a few calls costs fractions of a cent).
      const digits = m.unit === 'usd' ? 1e9 : 1000;
      const at = (x: number): number => Math.round(x * scale * digits) / digits;
      out[m.id] = { [measure]: n > 0 ? { value: at(value), lower_value: at(min), upper_value: at(max) } : { value: at(value) } };
    }
    return `${JSON.stringify(out, null, 2)}\n`;
  },
} satisfies ComparisonReporter;
