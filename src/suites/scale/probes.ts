// What a scale point watches while it runs: peak RSS and heap (sampled on an interval) and the
// client's event-loop delay. Started just before the measured run, stopped just after it.
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface ProbeReadings {
  rssBeforeBytes: number;
  peakRssBytes: number;
  heapBeforeBytes: number;
  peakHeapBytes: number;
  eventLoopDelayMs: { p50: number; p99: number; max: number };
}

export interface Probes {
  stop(): ProbeReadings;
}

const NS_PER_MS = 1e6;

export function startProbes(sampleEveryMs: number): Probes {
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const sample = (): void => {
    const now = process.memoryUsage();
    if (now.rss > peakRss) peakRss = now.rss;
    if (now.heapUsed > peakHeap) peakHeap = now.heapUsed;
  };
  const timer = setInterval(sample, sampleEveryMs);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  return {
    stop() {
      loop.disable();
      clearInterval(timer);
      sample();
      const count = loop.count;
      return {
        rssBeforeBytes: before.rss,
        peakRssBytes: peakRss,
        heapBeforeBytes: before.heapUsed,
        peakHeapBytes: peakHeap,
        eventLoopDelayMs:
          count > 0
            ? { p50: loop.percentile(50) / NS_PER_MS, p99: loop.percentile(99) / NS_PER_MS, max: loop.max / NS_PER_MS }
            : { p50: 0, p99: 0, max: 0 },
      };
    },
  };
}
