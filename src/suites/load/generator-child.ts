// The load generator process: runs autocannon on its own event loop (so it never competes with the
// server under test for one), measures its own CPU and loop, and answers each request over IPC.
import autocannon from 'autocannon';
import { performance } from 'node:perf_hooks';
import { loopDelayP99Ms, startLoopDelay } from '../../stats/loop-delay.ts';
import type { GeneratorReply, GeneratorRequest } from './autocannon-result.ts';

/** Sampling interval: also bounds how far past `durationS` autocannon runs before it stops. */
const SAMPLE_INTERVAL_MS = 100;

async function measure(request: GeneratorRequest): Promise<GeneratorReply> {
  const base = {
    url: request.url,
    connections: request.connections,
    timeout: request.timeoutS,
    sampleInt: SAMPLE_INTERVAL_MS,
    skipAggregateResult: true,
    // Rate-capped runs report measured latency: autocannon's correction in rate mode fabricates samples.
    ...(request.overallRatePerSec === undefined ? {} : { overallRate: request.overallRatePerSec, ignoreCoordinatedOmission: true }),
  };
  // autocannon limits the rate per one-second window, so a run could start a window more than
  // its duration allows: `amount` bounds a capped run to R × its seconds in total.
  const bounded = (durationS: number) => ({
    duration: durationS,
    ...(request.overallRatePerSec === undefined ? {} : { amount: Math.max(1, Math.floor(request.overallRatePerSec * durationS)) }),
  });
  if (request.warmupS > 0) await autocannon({ ...base, ...bounded(request.warmupS) });
  process.send?.({ kind: 'measuring', id: request.id } satisfies GeneratorReply);
  const delay = startLoopDelay();
  const elu = performance.eventLoopUtilization();
  const cpu = process.cpuUsage();
  const startMs = performance.now();
  const result = (await autocannon({ ...base, ...bounded(request.durationS) })) as Extract<GeneratorReply, { kind: 'result' }>['result'];
  const wallMs = performance.now() - startMs;
  const used = process.cpuUsage(cpu);
  const busy = performance.eventLoopUtilization(elu);
  delay.disable();
  return {
    kind: 'result',
    id: request.id,
    result,
    usage: {
      wallMs,
      cpuUserMs: used.user / 1000,
      cpuSystemMs: used.system / 1000,
      eventLoopUtilization: busy.utilization,
      eventLoopDelayP99Ms: loopDelayP99Ms(delay),
    },
  };
}

process.on('message', (message: GeneratorRequest) => {
  measure(message)
    .catch((error: unknown): GeneratorReply => ({ kind: 'error', id: message.id, message: error instanceof Error ? error.message : String(error) }))
    .then((reply) => process.send?.(reply));
});
process.on('disconnect', () => process.exit(0));
