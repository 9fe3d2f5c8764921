// One variant row: the user's code run warm-up + iterations times, one at a time, each run inside its
// own recording window. A run that throws or does not settle in time is kept (with its requests) as a
// failed run and left out of the wall-time samples; the row fails only when no measured run succeeds.
import { setMaxListeners } from 'node:events';
import type { RequestRecord, StrategyResult, VariantFacts } from '../model/records.ts';
import { countOutcomes } from '../request/outcomes.ts';
import { quantile } from '../stats/percentile.ts';
import { sampleStats } from '../stats/sample-stats.ts';
import type { VariantSpec } from './definition.ts';
import type { Slo } from '../llm/index.ts';
import { llmRow, measureStream } from './llm-row.ts';
import type { PriceTable } from '../model/prices.ts';
import { inFlightFacts, toRequestRecord, variantIdeal, type RecordedLike } from './timeline.ts';

/** The part of the request recorder a variant row needs: one window per run. */
export interface RunRecorder {
  open(label: string): { readonly openedAtMs: number; close(): { requests: readonly RecordedLike[] } };
}

export interface VariantRowOptions {
  bench: string;
  name: string;
  spec: VariantSpec;
  baseUrl: string;
  urls: string[];
  iterations: number;
  warmup: number;
  /** A run still unsettled after this is aborted and counted as failed. */
  variantTimeoutMs: number;
  recorder: RunRecorder;
  /** The delay server's count of requests received, to check the recording against. */
  serverRequestsReceived?: () => number;
  signal?: AbortSignal;
  /** Goodput of streamed LLM answers is judged against these (--slo), as given and parsed. */
  slo?: { text: string; slo: Slo };
  /** Token prices per model: the row's streamed answers get a cost. */
  prices?: PriceTable;
  onRun?: (run: { warmup: boolean; wallMs: number }) => void;
}

interface VariantRun {
  iteration: number;
  warmup: boolean;
  wallMs: number;
  records: RequestRecord[];
  /** Per-token gaps of the run's streamed answers. */
  itlMs: number[];
  error: string | null;
  /** Requests the server received in this run beyond those recorded; null without a server count. */
  unrecorded: number | null;
}

export const VARIANT_CLIENT = 'own code';

export async function runVariantRow(options: VariantRowOptions): Promise<Omit<StrategyResult, 'speedup'>> {
  const runs: VariantRun[] = [];
  for (let iteration = 0; iteration < options.warmup + options.iterations; iteration++) {
    if (options.signal?.aborted) throw options.signal.reason ?? new Error('aborted');
    const run = await runOnce(options, iteration);
    runs.push(run);
    options.onRun?.({ warmup: run.warmup, wallMs: run.wallMs });
  }
  const measured = runs.filter((run) => !run.warmup);
  const succeeded = measured.filter((run) => run.error === null);
  if (succeeded.length === 0) {
    const first = measured[0];
    throw new Error(`every measured run failed (${first?.records.length ?? 0} requests recorded in the first): ${first?.error ?? 'no run'}`);
  }
  const wallMs = sampleStats(succeeded.map((run) => run.wallMs));
  const median = succeeded.reduce((best, run) => (Math.abs(run.wallMs - wallMs.p50) < Math.abs(best.wallMs - wallMs.p50) ? run : best));
  const serviceMs = [...median.records].sort((a, b) => a.startMs - b.startMs).map((r) => r.serverDelayMs ?? 0);
  const ideal = variantIdeal(serviceMs, options.spec.ideal);
  const allRecords = measured.flatMap((run) => run.records);
  const requestMs = allRecords.map((r) => r.endMs - r.startMs);
  const perRun = measured.map((run) => run.records.length);
  const unrecorded = measured.every((run) => run.unrecorded !== null) ? measured.reduce((sum, run) => sum + (run.unrecorded ?? 0), 0) : null;
  const facts: VariantFacts = {
    idealBasis: ideal.basis,
    ...(ideal.declared === undefined ? {} : { declared: ideal.declared }),
    lowerBoundMs: ideal.lowerBoundMs,
    sequentialMs: ideal.sequentialMs,
    ...inFlightFacts(median.records, median.wallMs),
    requestsPerRun: { p50: quantile(perRun, 0.5), min: Math.min(...perRun), max: Math.max(...perRun) },
    leaked: allRecords.filter((r) => r.leaked).length,
    incomplete: allRecords.filter((r) => r.incomplete !== undefined).length,
    unrecorded,
    failedRuns: runs
      .filter((run) => run.error !== null)
      .map((run) => ({ iteration: run.iteration, warmup: run.warmup, error: run.error ?? '', requests: run.records.length })),
  };
  const llm = llmRow(measured, measured.reduce((sum, run) => sum + run.wallMs, 0), options.slo ?? null, options.prices ?? null);
  return {
    fixture: options.bench,
    name: options.name,
    concurrency: ideal.concurrency,
    client: VARIANT_CLIENT,
    iterations: succeeded.length,
    wallMs,
    idealMs: ideal.idealMs,
    overheadMs: wallMs.p50 - ideal.idealMs,
    requests: countOutcomes(allRecords),
    requestLatencyMs:
      requestMs.length > 0 ? { p50: quantile(requestMs, 0.5), p99: quantile(requestMs, 0.99), max: Math.max(...requestMs) } : { p50: 0, p99: 0, max: 0 },
    timeline: median.records,
    kind: 'variant',
    variant: facts,
    ...(llm ? { llm } : {}),
  };
}

async function runOnce(options: VariantRowOptions, iteration: number): Promise<VariantRun> {
  // The variant's own signal: aborted when the run is interrupted or runs past its timeout.
  const controller = new AbortController();
  // A fan-out hands this one signal to every request it makes: many listeners are expected here.
  setMaxListeners(0, controller.signal);
  const forward = (): void => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', forward, { once: true });
  const receivedBefore = options.serverRequestsReceived?.();
  const window = options.recorder.open(`${options.bench}/${options.name}#${iteration}`);
  let error: string | null = null;
  let timer: NodeJS.Timeout | undefined;
  try {
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const reason = new Error(`did not settle within ${options.variantTimeoutMs} ms (--variant-timeout-ms)`);
        controller.abort(reason);
        reject(reason);
      }, options.variantTimeoutMs);
    });
    // Called inside then(): a variant that throws before returning a promise fails this run, not the row.
    const settled = Promise.resolve().then(() => options.spec.run({ baseUrl: options.baseUrl, urls: [...options.urls], signal: controller.signal, iteration }));
    await Promise.race([settled, timedOut]);
  } catch (caught) {
    error = caught instanceof Error ? caught.message : String(caught);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', forward);
  }
  const settledMs = performance.now() - window.openedAtMs;
  const recording = window.close();
  const receivedAfter = options.serverRequestsReceived?.();
  const itlMs: number[] = [];
  const records = recording.requests.map((request) => {
    const record = toRequestRecord(request, settledMs);
    const measured = measureStream(record, request.chunks, request.eventStream === true);
    if (measured) {
      record.stream = measured.stream;
      itlMs.push(...measured.itlMs);
    }
    return record;
  });
  const unrecorded = receivedBefore === undefined || receivedAfter === undefined ? null : Math.max(0, receivedAfter - receivedBefore - records.length);
  return { iteration, warmup: iteration < options.warmup, wallMs: settledMs, records, itlMs, error, unrecorded };
}
