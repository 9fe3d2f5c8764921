// The load sweep: endpoints × connections, each point measured against the delay server and the
// bare server in turn, by autocannon in its own process. Every point is recorded, failed or not.
import { createRequire } from 'node:module';
import type { LoadOutcome, LoadPoint, LoadSection } from './model.ts';
import { measurementFromAutocannon } from './adapt.ts';
import { captureReply, startBareServer, type CannedReply } from './bare-server.ts';
import { GENERATOR_KIND, startGenerator, type GeneratorOutput, type LoadGenerator } from './generator.ts';
import { mergeRuns } from './merge.ts';
import { loadGeneratorVerdict } from './bottleneck.ts';
import { littleEfficiency, littleLimitPerSec, servedDelayMsOf } from './little.ts';
import { GENERATOR_SATURATION, LOAD_DEFAULTS, PRE_WARM_CONNECTIONS, type LoadOptions } from './options.ts';
import { pairOrder, pairRatioMedian, pairRatios, type Side } from './pairs.ts';

const AUTOCANNON_VERSION = (createRequire(import.meta.url)('autocannon/package.json') as { version: string }).version;

export interface LoadSweepOptions extends Omit<LoadOptions, 'pairs'> {
  /** Interleaved pairs per point (default LOAD_DEFAULTS.pairs). */
  pairs?: number;
  baseUrl: string;
  timeScale: number;
  timeoutS: number;
  /** Caps every generator run, warm-ups included, at this many requests per second (remote targets). */
  maxRatePerSec?: number;
  signal?: AbortSignal;
  onProgress?: (text: string) => void;
  /** Called after each point, so a finished point survives a later abort. */
  onPoint?: (point: LoadPoint) => Promise<void>;
}

export function emptyLoadSection(options: LoadSweepOptions): LoadSection {
  return {
    engine: { name: 'autocannon', version: AUTOCANNON_VERSION },
    loop: 'closed',
    generator: GENERATOR_KIND,
    preWarmS: options.preWarmS,
    warmupS: options.warmupS,
    durationS: options.durationS,
    measuredRuns: options.pairs ?? LOAD_DEFAULTS.pairs,
    timeoutS: options.timeoutS,
    timeScale: options.timeScale,
    saturationThreshold: GENERATOR_SATURATION,
    connections: options.connections,
    endpoints: options.endpoints,
    ...(options.maxRatePerSec === undefined ? {} : { maxRatePerSec: options.maxRatePerSec }),
    points: [],
  };
}

export async function runLoadSweep(options: LoadSweepOptions): Promise<LoadPoint[]> {
  const replies = new Map<string, CannedReply>();
  for (const endpoint of options.endpoints) {
    replies.set(endpoint, await captureReply(options.baseUrl, endpoint, servedDelayMsOf(endpoint, options.timeScale) ?? 0));
  }
  const bare = await startBareServer(replies);
  const generator = startGenerator();
  const points: LoadPoint[] = [];
  const total = options.endpoints.length * options.connections.length;
  try {
    for (const endpoint of options.preWarmS > 0 ? options.endpoints : []) {
      for (const [name, url] of [['delay server', options.baseUrl], ['bare server', bare.url]] as const) {
        if (options.signal?.aborted) return points;
        options.onProgress?.(`warming up ${name} on ${endpoint}…`);
        // Unmeasured: a failure here shows again, recorded, at the points themselves.
        await generator
          .run({ url: new URL(endpoint, url).toString(), connections: PRE_WARM_CONNECTIONS, warmupS: 0, durationS: options.preWarmS, timeoutS: options.timeoutS, ...rateCap(options) }, options.signal)
          .catch(() => undefined);
      }
    }
    for (const endpoint of options.endpoints) {
      for (const connections of options.connections) {
        if (options.signal?.aborted) return points;
        const label = `[${points.length + 1}/${total}] ${endpoint} c=${connections}`;
        const measured = await measurePoint(generator, options, { delay: options.baseUrl, bare: bare.url }, endpoint, connections, label);
        if (measured === null) return points;
        const { delay: delayServer, bare: bareOutcome, ratios } = measured;
        const point = loadPoint(endpoint, connections, servedDelayMsOf(endpoint, options.timeScale), delayServer, bareOutcome, ratios);
        points.push(point);
        await options.onPoint?.(point);
      }
    }
    return points;
  } finally {
    generator.close();
    await bare.close();
  }
}

const rateCap = (options: LoadSweepOptions): { overallRatePerSec?: number } =>
  options.maxRatePerSec === undefined ? {} : { overallRatePerSec: options.maxRatePerSec };

/** `pairs` interleaved pairs (delay, bare, bare, delay, …), each run a share of the duration, so a
 *  drift in what else the machine is doing weighs on both servers alike. Null when aborted. */
async function measurePoint(
  generator: LoadGenerator,
  options: LoadSweepOptions,
  baseUrls: Record<Side, string>,
  endpoint: string,
  connections: number,
  label: string,
): Promise<(Record<Side, LoadOutcome> & { ratios: PairRatios }) | null> {
  const runs: Record<Side, GeneratorOutput[]> = { delay: [], bare: [] };
  const failures = new Map<Side, string>();
  const pairs = options.pairs ?? LOAD_DEFAULTS.pairs;
  for (const side of pairOrder(pairs)) {
    if (options.signal?.aborted) return null;
    if (failures.has(side)) continue;
    options.onProgress?.(`${label} ${side === 'delay' ? 'delay server' : 'bare server'} (${runs[side].length + 1}/${pairs})…`);
    const url = new URL(endpoint, baseUrls[side]).toString();
    try {
      runs[side].push(await generator.run({ url, connections, warmupS: options.warmupS, durationS: options.durationS / pairs, timeoutS: options.timeoutS, ...rateCap(options) }, options.signal));
    } catch (error) {
      failures.set(side, error instanceof Error ? error.message : String(error));
    }
  }
  if (options.signal?.aborted) return null;
  const outcome = (side: Side): LoadOutcome => {
    const error = failures.get(side);
    if (error !== undefined) return { state: 'failed', error };
    const merged = mergeRuns(runs[side]);
    return measurementFromAutocannon(merged.result, merged.usage, merged.serverCpuMs, GENERATOR_SATURATION);
  };
  const perRun = (side: Side, pick: (run: GeneratorOutput) => number): number[] => (failures.has(side) ? [] : runs[side].map(pick));
  const perSec = ({ result }: GeneratorOutput): number => (result.duration > 0 ? result.totalCompletedRequests / result.duration : 0);
  const cpuUsPerRequest = ({ result, serverCpuMs }: GeneratorOutput): number => (result.totalCompletedRequests > 0 ? (serverCpuMs * 1000) / result.totalCompletedRequests : 0);
  return {
    delay: outcome('delay'),
    bare: outcome('bare'),
    ratios: {
      rps: pairRatios(perRun('delay', perSec), perRun('bare', perSec)),
      // Inverted (bare's cost over the delay server's), so that, like req/s, above 1 favours the delay server.
      cpu: pairRatios(perRun('bare', cpuUsPerRequest), perRun('delay', cpuUsPerRequest)),
    },
  };
}

export interface PairRatios {
  /** Delay-server req/s over bare req/s, per pair. */
  rps: number[];
  /** Bare server CPU per request over the delay server's, per pair. */
  cpu: number[];
}

/** `ratios`: the interleaved pairs' ratios, when the point was measured in pairs. */
export function loadPoint(endpoint: string, connections: number, delayMs: number | null, delayServer: LoadOutcome, bare: LoadOutcome, ratios?: PairRatios): LoadPoint {
  const limit = littleLimitPerSec(connections, delayMs);
  const rps = delayServer.state === 'measured' ? delayServer.requestsPerSec : null;
  const bareRps = bare.state === 'measured' ? bare.requestsPerSec : null;
  return {
    endpoint,
    connections,
    delayMs,
    littleLimitPerSec: limit,
    delayServer,
    bare,
    littleEfficiency: rps === null ? null : littleEfficiency(rps, limit),
    serverRatio: rps !== null && bareRps !== null && bareRps > 0 ? rps / bareRps : null,
    ...(ratios === undefined
      ? {}
      : { pairRatios: ratios.rps, pairRatioMedian: pairRatioMedian(ratios.rps), pairCpuRatios: ratios.cpu, pairCpuRatioMedian: pairRatioMedian(ratios.cpu) }),
    ...loadGeneratorVerdict(delayServer, bare),
  };
}
