// Event-loop delay as the three suites read it: perf_hooks' histogram records the whole interval
// between its timer's runs, so the delay is what exceeds the resolution.
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

export const LOOP_DELAY_RESOLUTION_MS = 10;
const NS_PER_MS = 1e6;

export const startLoopDelay = (): IntervalHistogram => {
  const histogram = monitorEventLoopDelay({ resolution: LOOP_DELAY_RESOLUTION_MS });
  histogram.enable();
  return histogram;
};

/** A recorded value (ns) as delay beyond the resolution, in ms; never negative. */
export const loopDelayMs = (ns: number): number => Math.max(0, ns / NS_PER_MS - LOOP_DELAY_RESOLUTION_MS);

/** p99 delay in ms, 0 when nothing was recorded. */
export const loopDelayP99Ms = (histogram: IntervalHistogram): number => (histogram.count > 0 ? loopDelayMs(histogram.percentile(99)) : 0);
