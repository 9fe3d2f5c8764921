// The open-loop rate sweep against a real client: an unmeasured warm-up at the start rate, then
// doubling rate steps until the knee (see knee.ts) or the maximum rate.
import { clients, type ClientName } from '../../clients/index.ts';
import type { OpenSection } from './model.ts';
import { doublingRates, sweepRates } from './knee.ts';
import { KNEE_RULE, LATE_THRESHOLD_MS, OPEN_WARMUP_S, type OpenOptions } from './options.ts';
import { runStep } from './step.ts';

export interface OpenSweepOptions extends OpenOptions {
  baseUrl: string;
  client: ClientName;
  timeoutMs: number;
  timeScale: number;
  signal?: AbortSignal;
  onProgress?: (text: string) => void;
  /** Called after each step, so finished steps survive a later abort. */
  onStep?: (section: OpenSection) => Promise<void>;
}

export function emptyOpenSection(options: OpenSweepOptions): OpenSection {
  return {
    loop: 'open',
    generator: 'in-process',
    client: options.client,
    endpoint: options.endpoint,
    arrivals: options.arrivals,
    seed: options.seed,
    maxInFlight: options.maxInFlight,
    stepMaxRequests: options.stepMaxRequests,
    stepMaxS: options.stepMaxS,
    startRatePerSec: options.startRatePerSec,
    maxRatePerSec: options.maxRatePerSec,
    warmupS: OPEN_WARMUP_S,
    timeoutMs: options.timeoutMs,
    timeScale: options.timeScale,
    lateThresholdMs: LATE_THRESHOLD_MS,
    kneeRule: { ...KNEE_RULE },
    baselineP99Ms: null,
    kneeRatePerSec: null,
    stopReason: null,
    steps: [],
  };
}

/** Fills `section` step by step. */
export async function runOpenSweep(options: OpenSweepOptions, section: OpenSection): Promise<void> {
  const session = clients[options.client].open({ connections: options.maxInFlight });
  const url = new URL(options.endpoint, options.baseUrl).toString();
  const stepOptions = (ratePerSec: number, maxDurationMs: number) => ({
    url,
    ratePerSec,
    arrivals: options.arrivals,
    // Each step draws its own arrivals from the same seed: reproducible, and steps do not depend on each other.
    seed: options.seed,
    maxDurationMs,
    maxRequests: options.stepMaxRequests,
    maxInFlight: options.maxInFlight,
    timeoutMs: options.timeoutMs,
    lateThresholdMs: LATE_THRESHOLD_MS,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  try {
    options.onProgress?.(`warming up at ${options.startRatePerSec}/s…`);
    await runStep(session, stepOptions(options.startRatePerSec, OPEN_WARMUP_S * 1000));
    const rates = doublingRates(options.startRatePerSec, options.maxRatePerSec);
    await sweepRates(section, rates, (ratePerSec, label) => {
      options.onProgress?.(label);
      return runStep(session, stepOptions(ratePerSec, options.stepMaxS * 1000));
    }, options);
  } finally {
    await session.close();
  }
}
