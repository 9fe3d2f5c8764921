// A metric is one comparable quantity pulled out of a report under a stable id. Each suite gives the
// metrics of its own section (suite.ts `metrics`); the shared rows' come from rows.ts.
import type { Direction } from '../../stats/decision.ts';

/** Base units only; reporters convert (e.g. ms → ns for BMF). */
/** `usd`: US dollars (an LLM row's cost per run); `ratio`: a share from 0 to 1 (goodput). */
export type MetricUnit = 'ms' | 'req/s' | 'ops/s' | 'usd' | 'ratio';

export interface Metric {
  /** Stable across runs, `/`-separated: `<section>/…/<quantity>`, e.g. `strategies/lesson/pool/k=2/undici/wallMs`. */
  id: string;
  unit: MetricUnit;
  /** Which way is better. */
  direction: Direction;
  /** Independent repeated measurements (the statistics resample these); may be empty. */
  samples: number[];
  /** The figure to show and gate on when samples are few: the samples' median, or the section's own summary. */
  value: number;
  /** Set when the run judged this figure too noisy for a verdict (why, e.g. "rme ±31.2%"): compare skips its verdict. */
  noisy?: string;
}
