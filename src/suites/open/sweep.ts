// The open-loop rate sweep against a real client: an unmeasured warm-up at the start rate, then
// doubling rate steps until the knee (see knee.ts) or the maximum rate.
import { clients, type ClientName } from '../../clients/index.ts';
import type { OpenSection } from './model.ts';
import { doublingRates, sweepRates } from './knee.ts';
import { KNEE_RULE, LATE_THRESHOLD_MS, OPEN_WARMUP_S, type OpenOptions } from './options.ts';
import { noopSession, schedulerCheck } from './scheduler-limit.ts';
import { runStep } from './step.ts';
import type { SendOutcome } from './scheduler.ts';
import { LlmStepStats, llmSender, openLlmBody } from './llm.ts';

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

export function emptyOpenSection(options: OpenSweepOptions, server?: OpenSection['server']): OpenSection {
  return {
    loop: 'open',
    generator: 'in-process',
    client: options.client,
    endpoint: options.endpoint,
    arrivals: options.arrivals,
    ...(options.arrivals === 'gamma' ? { burstiness: options.burstiness } : {}),
    seed: options.seed,
    ...(options.llm ? { llm: { ...options.llm } } : {}),
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
    ...(server === undefined ? {} : { server }),
    schedulerLimitPerSec: null,
    kneedSide: null,
  };
}

/** Fills `section` step by step. */
export async function runOpenSweep(options: OpenSweepOptions, section: OpenSection): Promise<void> {
  const session = clients[options.client].open({ connections: options.maxInFlight });
  const url = new URL(options.endpoint, options.baseUrl).toString();
  // --open-llm: streamed chat completions through the same session, one body for the sweep.
  const llmBody = options.llm ? openLlmBody(options.llm, options.seed) : null;
  let stepNumber = 0;
  const llmStep = (warmup = false): { send: () => Promise<SendOutcome>; stats: LlmStepStats } | null => {
    if (llmBody === null) return null;
    const stats = new LlmStepStats();
    // Request ids per step and arrival: the server plans each answer from (its seed, the id), so runs repeat.
    return { stats, send: llmSender(session, url, llmBody, options.timeoutMs, stats, `open-${options.seed}-${stepNumber++}-`, warmup) };
  };
  const stepOptions = (ratePerSec: number, maxDurationMs: number) => ({
    url,
    ratePerSec,
    arrivals: options.arrivals,
    burstiness: options.burstiness,
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
    const warm = llmStep(true);
    await runStep(session, { ...stepOptions(options.startRatePerSec, OPEN_WARMUP_S * 1000), ...(warm ? { send: warm.send } : {}) });
    // The no-op target warms up too, or its first step measures cold code, not the scheduler.
    await runStep(noopSession, stepOptions(options.startRatePerSec, OPEN_WARMUP_S * 1000));
    const rates = doublingRates(options.startRatePerSec, options.maxRatePerSec);
    await sweepRates(section, rates, async (ratePerSec, label) => {
      options.onProgress?.(label);
      // The scheduler's own limit at this rate, just before the real step: same schedule, no-op target.
      const noop = await runStep(noopSession, stepOptions(ratePerSec, options.stepMaxS * 1000));
      const streamed = llmStep();
      const measured = await runStep(session, { ...stepOptions(ratePerSec, options.stepMaxS * 1000), ...(streamed ? { send: streamed.send } : {}) });
      return { ...measured, scheduler: schedulerCheck(noop, section.kneeRule.dropFraction), ...(streamed ? { llm: streamed.stats.summary() } : {}) };
    }, options);
  } finally {
    await session.close();
  }
  Object.assign(section, kneeSide(section));
}

/** At the knee, start lag at least this share of the p99 from intended start means the requests waited to be sent, not answered. */
export const CLIENT_LOOP_LAG_SHARE = 0.5;

/** Which side kneed, and the scheduler's own limit, from the steps' no-op checks and start lags. */
export function kneeSide(section: OpenSection): Pick<OpenSection, 'schedulerLimitPerSec' | 'kneedSide' | 'generatorBound' | 'generatorBoundReason'> {
  const behind = section.steps.filter((step) => step.scheduler?.fellBehind);
  const schedulerLimitPerSec = behind[0]?.ratePerSec ?? null;
  if (section.kneeRatePerSec === null) return { schedulerLimitPerSec, kneedSide: null, generatorBound: false, generatorBoundReason: null };
  const atKnee = section.steps.filter((step) => step.ratePerSec === section.kneeRatePerSec);
  const noopBehind = atKnee.find((step) => step.scheduler?.fellBehind);
  if (noopBehind) {
    const reason = `at the knee (${section.kneeRatePerSec}/s) the scheduler fell behind with nothing to wait for: ${noopBehind.scheduler?.reason ?? ''}`;
    return { schedulerLimitPerSec, kneedSide: 'scheduler', generatorBound: true, generatorBoundReason: reason };
  }
  const lagShares = atKnee.map((step) => (step.startLagMs && step.fromIntendedMs && step.fromIntendedMs.p99 > 0 ? step.startLagMs.p99 / step.fromIntendedMs.p99 : 0));
  if (lagShares.length > 0 && lagShares.every((share) => share >= CLIENT_LOOP_LAG_SHARE)) {
    const shares = lagShares.map((share) => `${Math.round(share * 100)}%`).join(', ');
    const reason = `at the knee (${section.kneeRatePerSec}/s) start lag p99 was ${shares} of the p99 from intended start: requests waited on the client's event loop to be sent`;
    return { schedulerLimitPerSec, kneedSide: 'client-loop', generatorBound: true, generatorBoundReason: reason };
  }
  return { schedulerLimitPerSec, kneedSide: 'server', generatorBound: false, generatorBoundReason: null };
}
