// One point of the sweep: `requests` requests through the pool strategy with k = concurrency,
// on a client session whose sockets were opened by a warm-up.
import type { ClientSession } from '../../clients/index.ts';
import type { ScaleMeasured } from './model.ts';
import { quantile } from '../../stats/percentile.ts';
import { pool } from '../../strategies/pool.ts';
import { recordingAttempt } from '../../request/attempt.ts';
import { countOutcomes } from '../../request/outcomes.ts';
import type { Recorder } from '../../record/index.ts';
import { fullGc } from './gc.ts';
import { startProbes, type LoopUtilizationOf, type ProbeReadings } from './probes.ts';

export interface PointOptions {
  session: ClientSession;
  baseUrl: string;
  path: string;
  requests: number;
  concurrency: number;
  timeoutMs: number;
  memorySampleMs: number;
  serverLoop?: LoopUtilizationOf;
  /** Records the measured run through this recorder too (subscribed only for that run, so floor runs never publish). */
  recorder?: Recorder;
}

/** Runs `requests` GETs of `path` through the pool with k = concurrency; throws if any failed. */
export async function warmUp(session: ClientSession, url: string, requests: number, concurrency: number, timeoutMs: number): Promise<void> {
  const urls = new Array<string>(requests).fill(url);
  const recorder = recordingAttempt(session, urls, performance.now(), timeoutMs);
  await pool.run(requests, recorder.attempt, concurrency);
  const failed = countOutcomes(recorder.records).failed;
  if (failed > 0) throw new Error(`warm-up: ${failed} of ${requests} GET ${new URL(url).pathname} failed`);
}

/** Below this many requests in flight, JIT code and buffers moving between readings swamp the difference. */
export const MIN_IN_FLIGHT_FOR_HEAP = 100;

/**
 * Two rounds of the point's own request on its session: opens its sockets and runs its code path.
 * The second also measures live heap per in-flight request, between forced GCs while the round is in flight
 * and just after it (same session, same sockets), so the measured run is never paused by a GC.
 */
export async function warmUpPoint(options: PointOptions): Promise<{ liveHeapPerInFlightBytes: number | null }> {
  const inFlight = Math.min(options.requests, options.concurrency);
  const url = new URL(options.path, options.baseUrl).toString();
  // A first round opens the sockets, so the second differs between its two readings only by what
  // the requests in flight hold.
  await warmUp(options.session, url, inFlight, inFlight, options.timeoutMs);
  const urls = new Array<string>(inFlight).fill(url);
  const recorder = recordingAttempt(options.session, urls, performance.now(), options.timeoutMs);
  const round = pool.run(inFlight, recorder.attempt, inFlight);
  // Every attempt has been called by now; those not yet recorded are still waiting on the server.
  await new Promise<void>((resolve) => setImmediate(resolve));
  fullGc();
  const loadedBytes = process.memoryUsage().heapUsed;
  const pending = inFlight - recorder.records.length;
  await round;
  const failed = countOutcomes(recorder.records).failed;
  if (failed > 0) throw new Error(`warm-up: ${failed} of ${inFlight} GET ${options.path} failed`);
  // Same session and sockets as the in-flight reading; the finished records (a few hundred bytes each)
  // count only here, so the figure errs low by that much.
  fullGc();
  const idleBytes = process.memoryUsage().heapUsed;
  const readable = pending >= MIN_IN_FLIGHT_FOR_HEAP && recorder.records.length === inFlight;
  const perRequestBytes = (loadedBytes - idleBytes) / pending;
  // A difference at or below zero means GC and JIT noise outweighed the requests: no reading, not a negative one.
  return { liveHeapPerInFlightBytes: readable && perRequestBytes > 0 ? perRequestBytes : null };
}

export async function measurePoint(options: PointOptions, liveHeapPerInFlightBytes: number | null): Promise<ScaleMeasured> {
  const { requests, concurrency } = options;
  const urls = new Array<string>(requests).fill(new URL(options.path, options.baseUrl).toString());
  const window = openWindow(options.recorder, `${requests} × ${concurrency}`);
  const probes = startProbes(options.memorySampleMs, options.serverLoop);
  const startMs = performance.now();
  const recorder = recordingAttempt(options.session, urls, startMs, options.timeoutMs);
  let wallMs: number;
  let readings: ProbeReadings;
  try {
    await pool.run(requests, recorder.attempt, concurrency);
    wallMs = performance.now() - startMs;
    readings = probes.stop();
  } finally {
    // Closed after the wall is read: building the recording is the recorder's, not the run's, time.
    window?.close();
  }
  const seen = window?.seen();
  if (seen && (seen.requests !== requests || seen.leaked > 0)) throw new Error(`the recorder saw ${seen.requests} of ${requests} requests (${seen.leaked} leaked)`);
  if (recorder.records.length !== requests) throw new Error(`pool finished with ${recorder.records.length} of ${requests} requests recorded`);
  const records = recorder.records.sort((a, b) => a.index - b.index);
  const idealMs = pool.idealMs(
    records.map((r) => r.serverDelayMs ?? 0),
    concurrency,
  );
  const totals = countOutcomes(records);
  const latencyMs = records.map((r) => r.endMs - r.startMs);
  const inFlight = Math.min(requests, concurrency);
  return {
    state: 'measured',
    requests,
    concurrency,
    wallMs,
    idealMs,
    wallOverIdeal: idealMs > 0 ? wallMs / idealMs : null,
    ok: totals.ok,
    failed: totals.failed,
    requestLatencyMs: { p50: quantile(latencyMs, 0.5), p99: quantile(latencyMs, 0.99), max: Math.max(...latencyMs) },
    ...readings,
    rssPerInFlightBytes: (readings.peakRssBytes - readings.rssBeforeBytes) / inFlight,
    liveHeapPerInFlightBytes,
  };
}

/** A recording window around one measured run: subscribed only while it is open, so the floor's runs publish nothing. */
function openWindow(recorder: Recorder | undefined, label: string): { close(): void; seen(): { requests: number; leaked: number } } | undefined {
  if (!recorder) return undefined;
  recorder.start();
  const window = recorder.open(label);
  let seen = { requests: 0, leaked: 0 };
  return {
    close() {
      const recording = window.close();
      recorder.stop();
      seen = { requests: recording.requests.length, leaked: recording.leaked.length };
    },
    seen: () => seen,
  };
}
