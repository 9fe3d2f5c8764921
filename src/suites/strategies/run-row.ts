// Measures one row — fixture × strategy × k × client — through tinybench, keeping every sample
// and the timeline of each measured run.
import { Bench } from 'tinybench';
import { clients, type ClientName } from '../../clients/index.ts';
import type { RequestRecord, StrategyResult } from '../../model/records.ts';
import { quantile } from '../../stats/percentile.ts';
import { strategies } from '../../strategies/index.ts';
import { linkedAbort } from '../../util/abort.ts';
import { WARMUP_HEADER } from '../../protocol/headers.ts';
import { recordingAttempt, type AttemptOptions, type CapturedStream } from '../../request/attempt.ts';
import { countOutcomes } from '../../request/outcomes.ts';
import type { RetryPolicy } from '../../request/retry.ts';
import { checkRunTotals, summariseResilience } from './totals.ts';
import type { StrategyRow } from './plan.ts';
import { llmRow, measureStream } from '../../bench/llm-row.ts';
import type { Slo } from '../../llm/slo.ts';
import type { PriceTable } from '../../model/prices.ts';

export interface RowOptions {
  client: ClientName;
  iterations: number;
  warmup: number;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Used by rows whose strategy retries (pool-retry). */
  retry?: RetryPolicy;
  /** Awaited before every try: the request-rate cap for remote targets. */
  beforeTry?: AttemptOptions['beforeTry'];
  /** Called after every run, warm-up included, for progress display. */
  onRun?: (run: { warmup: boolean; wallMs: number }) => void;
  /** Goodput of streamed LLM answers is judged against these (--slo), as given and parsed. */
  slo?: { text: string; slo: Slo };
  /** Token prices per model: the row's streamed answers get a cost. */
  prices?: PriceTable;
}

/** Warm-up runs exercise the same strategy, client, connections and routes with the delays skipped,
 *  so warming up a 3 s sequential row costs milliseconds, not seconds. */
const WARMUP_REQUEST_HEADERS = { [WARMUP_HEADER]: '1' };

interface MeasuredRun {
  wallMs: number;
  records: RequestRecord[];
  retriesDenied: number;
  /** Per-token gaps of the run's streamed answers. */
  itlMs: number[];
}

export async function runStrategyRow(row: StrategyRow, options: RowOptions): Promise<Omit<StrategyResult, 'speedup'>> {
  const strategy = strategies[row.strategy];
  const retries = strategy.retries === true;
  const k = row.concurrency ?? row.urls.length;
  const session = clients[options.client].open({ connections: Math.max(k, 1) });
  const runs: MeasuredRun[] = [];
  // tinybench, every try in flight and every retry wait listen on it: a per-row signal, unlinked in finally.
  const rowAbort = linkedAbort(options.signal);
  const runOnce = async (): Promise<{ overriddenDuration: number }> => {
    // tinybench calls the warm-up runs first; they skip the server's delays (see WARMUP_HEADER).
    const warmup = runs.length < options.warmup;
    const startMs = performance.now();
    const recorder = recordingAttempt(session, row.urls, startMs, options.timeoutMs, {
      ...(warmup ? { headers: WARMUP_REQUEST_HEADERS } : {}),
      // Run n of every row of a URL set sends the same ids, so keyed faults hit every strategy alike.
      requestIdPrefix: warmup ? `w${runs.length}:` : `${runs.length - options.warmup}:`,
      // Each run of each row starts with the key's full quota on the simulated LLM API (QUOTA_SCOPE_HEADER).
      ...(row.requests ? { requests: row.requests, quotaScope: `${row.fixture}/${row.strategy}${row.concurrency === null ? '' : `(${row.concurrency})`}/${runs.length}` } : {}),
      ...(retries && options.retry ? { retry: options.retry } : {}),
      signal: rowAbort.signal,
      ...(options.beforeTry ? { beforeTry: options.beforeTry } : {}),
    });
    await strategy.run(row.urls.length, recorder.attempt, k);
    const wallMs = performance.now() - startMs;
    checkRunTotals(row.strategy, recorder.records, row.urls.length, recorder.counters);
    recorder.records.sort((a, b) => a.index - b.index);
    // Measured after the wall time was taken: a streamed answer's TTFT, gaps and tokens from its chunks' text.
    const itlMs = warmup ? [] : measureStreams(recorder.records, recorder.streams);
    runs.push({ wallMs, records: recorder.records, retriesDenied: recorder.counters.retriesDenied, itlMs });
    options.onRun?.({ warmup, wallMs });
    return { overriddenDuration: wallMs };
  };

  try {
    const bench = new Bench({
      time: 0,
      iterations: options.iterations,
      warmup: options.warmup > 0,
      warmupIterations: options.warmup,
      warmupTime: 0,
      retainSamples: true,
      signal: rowAbort.signal,
    });
    bench.add(row.strategy, runOnce);
    const [task] = await bench.run();
    const result = task?.result;
    if (result?.state === 'errored') throw result.error;
    if (result?.state !== 'completed') throw new Error(`sampling ended in state ${result?.state ?? 'unknown'}`);
    const measured = runs.slice(-options.iterations);
    const latency = result.latency;
    if (measured.length !== options.iterations || latency.samplesCount !== options.iterations) {
      throw new Error(`expected ${options.iterations} measured runs, got ${measured.length} (${latency.samplesCount} samples)`);
    }
    const median = nearestTo(measured, latency.p50);
    const serviceMs = median.records.map(serviceTimeMs);
    const idealMs = strategy.idealMs(serviceMs, k);
    const allRecords = measured.flatMap((run) => run.records);
    const requestMs = allRecords.map((r) => r.endMs - r.startMs);
    const wallMsTotal = measured.reduce((sum, run) => sum + run.wallMs, 0);
    const llm = llmRow(measured, wallMsTotal, options.slo ?? null, options.prices ?? null);
    return {
      fixture: row.fixture,
      name: row.strategy,
      concurrency: row.concurrency,
      client: options.client,
      iterations: options.iterations,
      wallMs: {
        p50: latency.p50,
        mean: latency.mean,
        min: latency.min,
        max: latency.max,
        rme: latency.rme,
        sd: latency.sd,
        samples: [...(latency.samples ?? measured.map((r) => r.wallMs))],
      },
      idealMs,
      overheadMs: latency.p50 - idealMs,
      requests: countOutcomes(allRecords),
      requestLatencyMs: { p50: quantile(requestMs, 0.5), p99: quantile(requestMs, 0.99), max: Math.max(...requestMs) },
      timeline: median.records,
      resilience: summariseResilience(
        allRecords,
        measured.reduce((sum, run) => sum + run.retriesDenied, 0),
        wallMsTotal,
      ),
      ...(llm ? { llm } : {}),
    };
  } finally {
    rowAbort.unlink();
    await session.close();
  }
}

/** Gives each streamed answer's record its `stream` metrics, timed from its final try's send (retries
 *  before it are in the record's start, not in its TTFT); returns the run's inter-token gaps. */
function measureStreams(records: RequestRecord[], streams: readonly CapturedStream[]): number[] {
  const itlMs: number[] = [];
  for (const captured of streams) {
    const record = records[captured.index];
    if (record?.index !== captured.index) continue;
    const measured = measureStream({ ...record, startMs: captured.sendMs }, captured.chunks);
    if (measured) {
      record.stream = measured.stream;
      itlMs.push(...measured.itlMs);
    }
  }
  return itlMs;
}

function nearestTo(runs: readonly MeasuredRun[], wallMs: number): MeasuredRun {
  let best = runs[0]!;
  for (const run of runs) if (Math.abs(run.wallMs - wallMs) < Math.abs(best.wallMs - wallMs)) best = run;
  return best;
}

/** What a request needs with zero overhead: the delay served on its last try, plus, for each earlier
 *  try, the delay served then and the wait the retry policy (or Retry-After) imposed after it. */
export function serviceTimeMs(record: RequestRecord): number {
  const earlierMs = (record.failedAttempts ?? []).reduce((sum, f) => sum + (f.serverDelayMs ?? 0) + f.waitMs, 0);
  return earlierMs + (record.serverDelayMs ?? 0);
}
