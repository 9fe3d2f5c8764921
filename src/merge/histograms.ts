// Adds compressed HDR histograms exactly (bucket counts, not percentiles) and summarises the sum.
import { decodeHistogram, encodeHistogram, summarizeHistogram, type HistogramSummary } from '../stats/hdr.ts';

export interface AddedHistogram {
  encoded: string;
  /** Null when the sum holds no value. */
  summary: HistogramSummary | null;
}

/** `unitsPerMs`: 1 for autocannon's ms histograms, 1000 for the open loop's µs ones. */
export function addHistograms(encoded: readonly string[], unitsPerMs: number): AddedHistogram {
  const [first, ...rest] = encoded;
  if (first === undefined) throw new RangeError('addHistograms needs at least one histogram');
  const total = decodeHistogram(first);
  try {
    for (const text of rest) {
      const other = decodeHistogram(text);
      total.add(other);
      other.destroy();
    }
    return { encoded: encodeHistogram(total), summary: summarizeHistogram(total, unitsPerMs) };
  } finally {
    total.destroy();
  }
}
