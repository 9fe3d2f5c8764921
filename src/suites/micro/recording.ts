// The recording path alone: recordingAttempt (deadline, record, Server-Timing) through the pool,
// fed synthetic responses by an in-process session, no network. µs per recorded request, so a
// regression in the shared request layer shows without a server's noise.
import { Bench } from 'tinybench';
import { finishedResponse, type ClientSession } from '../../clients/client.ts';
import { pool } from '../../strategies/pool.ts';
import { recordingAttempt, type AttemptOptions } from '../../request/attempt.ts';
import { linkedAbort } from '../../util/abort.ts';
import { recordingResults, type RecordingRun } from './adapt-recording.ts';
import { benchOptions, MICRO_DEFAULTS } from './options.ts';

export interface RecordingOptions {
  timeMs: number;
  signal?: AbortSignal;
}

const SERVED = { 'server-timing': 'initial_delay;dur=50.00;desc="initial delay"', 'content-type': 'application/json' };

/** Answers every request at once with a 200 carrying Server-Timing, as the delay server would. */
const syntheticSession: ClientSession = {
  request: async () => {
    const startMs = performance.now();
    return finishedResponse(200, 250, startMs, startMs, SERVED);
  },
  close: async () => {},
};

/** What each row feeds recordingAttempt: the scale suite's bare use, and the strategies suite's (run signal, request ids). */
const VARIANTS: { variant: string; options: (signal: AbortSignal) => AttemptOptions }[] = [
  { variant: 'plain (scale suite)', options: () => ({}) },
  { variant: 'run signal + request ids (strategies suite)', options: (signal) => ({ signal, requestIdPrefix: '0:' }) },
];

export async function measureRecording(options: RecordingOptions): Promise<ReturnType<typeof recordingResults>> {
  const { requests, concurrency } = MICRO_DEFAULTS.recording;
  const urls = new Array<string>(requests).fill('http://127.0.0.1:1/delay/0.05');
  const benchAbort = linkedAbort(options.signal);
  const bench = new Bench(benchOptions(options.timeMs, benchAbort.signal));
  for (const { variant, options: attemptOptions } of VARIANTS) {
    bench.add(variant, async () => {
      const recorder = recordingAttempt(syntheticSession, urls, performance.now(), 10_000, attemptOptions(benchAbort.signal));
      await pool.run(requests, recorder.attempt, concurrency);
      if (recorder.records.length !== requests) throw new Error(`recorded ${recorder.records.length} of ${requests} requests`);
    });
  }
  try {
    await bench.run();
  } finally {
    benchAbort.unlink();
  }
  return recordingResults(
    VARIANTS.map(({ variant }): RecordingRun => ({ variant, requests, concurrency, result: bench.getTask(variant)?.result })),
  );
}
