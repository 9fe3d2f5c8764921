// What a scale point watches while it runs: peak RSS and heap (sampled on an interval) and the
// client's event-loop delay. Started just before the measured run, stopped just after it.
import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import { loopDelayMs, startLoopDelay } from '../../stats/loop-delay.ts';

export interface ProbeReadings {
  rssBeforeBytes: number;
  peakRssBytes: number;
  heapBeforeBytes: number;
  peakHeapBytes: number;
  eventLoopDelayMs: { p50: number; p99: number; max: number };
  cpuMs: number;
  /** Share of the run each event loop was busy (0–1): the one near 1 is the bottleneck. */
  loopUtilization: { client: number; server: number | null };
}

export interface Probes {
  stop(): ProbeReadings;
}

/** A run shorter than the clock's resolution reads 0/0: the report keeps 0, never NaN (JSON null). */
const finiteOrZero = (x: number): number => (Number.isFinite(x) ? x : 0);

/** Reads another thread's event-loop utilisation (the threaded delay server's), when there is one. */
export type LoopUtilizationOf = (since?: EventLoopUtilization) => EventLoopUtilization;

export function startProbes(sampleEveryMs: number, serverLoop?: LoopUtilizationOf): Probes {
  const before = process.memoryUsage();
  const cpuBefore = process.cpuUsage();
  const clientEluBefore = performance.eventLoopUtilization();
  const serverEluBefore = serverLoop?.();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const sample = (): void => {
    const now = process.memoryUsage();
    if (now.rss > peakRss) peakRss = now.rss;
    if (now.heapUsed > peakHeap) peakHeap = now.heapUsed;
  };
  const timer = setInterval(sample, sampleEveryMs);
  const loop = startLoopDelay();
  return {
    stop() {
      loop.disable();
      clearInterval(timer);
      sample();
      const cpu = process.cpuUsage(cpuBefore);
      const clientElu = finiteOrZero(performance.eventLoopUtilization(clientEluBefore).utilization);
      const serverElu = serverLoop && serverEluBefore ? finiteOrZero(serverLoop(serverEluBefore).utilization) : null;
      const count = loop.count;
      return {
        rssBeforeBytes: before.rss,
        peakRssBytes: peakRss,
        heapBeforeBytes: before.heapUsed,
        peakHeapBytes: peakHeap,
        eventLoopDelayMs:
          count > 0
            ? { p50: loopDelayMs(loop.percentile(50)), p99: loopDelayMs(loop.percentile(99)), max: loopDelayMs(loop.max) }
            : { p50: 0, p99: 0, max: 0 },
        cpuMs: (cpu.user + cpu.system) / 1000,
        loopUtilization: { client: clientElu, server: serverElu },
      };
    },
  };
}
