// HdrHistogram helpers: many latencies summarised without keeping them, and stored encoded so
// runs can be merged later instead of averaging percentiles.
import * as hdr from 'hdr-histogram-js';

export type Histogram = hdr.Histogram;

/** Microsecond-resolution latency histogram, 3 significant digits, growing as needed. */
export function latencyHistogramUs(): Histogram {
  return hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: 3, autoResize: true });
}

export const encodeHistogram = (histogram: Histogram): string => hdr.encodeIntoCompressedBase64(histogram);

export const decodeHistogram = (base64: string): Histogram => hdr.decodeFromCompressedBase64(base64, 64);

export interface HistogramSummary {
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  p999: number;
  max: number;
}

/** Percentiles of a histogram, each divided by `unitsPerMs` (1000 for µs); null when it is empty. */
export function summarizeHistogram(histogram: Histogram, unitsPerMs: number): HistogramSummary | null {
  if (histogram.totalCount === 0) return null;
  const at = (percentile: number): number => histogram.getValueAtPercentile(percentile) / unitsPerMs;
  return { mean: histogram.mean / unitsPerMs, p50: at(50), p90: at(90), p99: at(99), p999: at(99.9), max: histogram.maxValue / unitsPerMs };
}
