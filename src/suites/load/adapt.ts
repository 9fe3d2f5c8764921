// Turns an autocannon result (and what the generator measured about itself) into the model.
import type { GeneratorLoad, LoadMeasurement } from './model.ts';
import { decodeHistogram, summarizeHistogram } from '../../stats/hdr.ts';
import type { AutocannonRawResult, GeneratorUsage } from './autocannon-result.ts';

export function generatorLoad(usage: GeneratorUsage, saturationThreshold: number): GeneratorLoad {
  const cpuFraction = usage.wallMs > 0 ? (usage.cpuUserMs + usage.cpuSystemMs) / usage.wallMs : 0;
  return {
    cpuFraction,
    eventLoopUtilization: usage.eventLoopUtilization,
    eventLoopDelayP99Ms: usage.eventLoopDelayP99Ms,
    saturated: cpuFraction >= saturationThreshold || usage.eventLoopUtilization >= saturationThreshold,
  };
}

/** `serverCpuMs`: CPU time of the process serving the requests over the measured run. */
export function measurementFromAutocannon(result: AutocannonRawResult, usage: GeneratorUsage, serverCpuMs: number, saturationThreshold: number): LoadMeasurement {
  const histogram = decodeHistogram(result.latencies);
  // autocannon records latency in whole milliseconds, so its histogram's unit is the ms.
  const latencyMs = summarizeHistogram(histogram, 1);
  histogram.destroy();
  const perSec = (count: number): number => (result.duration > 0 ? count / result.duration : 0);
  return {
    state: 'measured',
    durationS: result.duration,
    completed: result.totalCompletedRequests,
    sent: result.totalRequests,
    requestsPerSec: perSec(result.totalCompletedRequests),
    bytesPerSec: perSec(result.totalBytes),
    latencyMs,
    latencyHistogram: result.latencies,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    serverCpuUsPerRequest: result.totalCompletedRequests > 0 ? (serverCpuMs * 1000) / result.totalCompletedRequests : null,
    generator: generatorLoad(usage, saturationThreshold),
  };
}
