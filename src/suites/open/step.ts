// One rate step of the open loop against a real client: the scheduler's completions go into
// HdrHistograms (µs), so a step can hold many requests without keeping them.
import { loopDelayP99Ms, startLoopDelay } from '../../stats/loop-delay.ts';
import type { ClientResponse, ClientSession } from '../../clients/index.ts';
import type { ClientRequest } from '../../clients/client.ts';
import type { OpenStep } from './model.ts';
import { encodeHistogram, latencyHistogramUs, summarizeHistogram, type Histogram } from '../../stats/hdr.ts';
import { deadlines } from '../../request/deadlines.ts';
import { realClock } from './clock.ts';
import { runSchedule, type Completion, type ScheduleOptions, type SchedulerClock, type SendOutcome } from './scheduler.ts';


export interface StepOptions extends ScheduleOptions {
  url: string;
  timeoutMs: number;
  lateThresholdMs: number;
  /** Sends one request instead of the plain GET (the --open-llm sender). */
  send?: () => Promise<SendOutcome>;
}

/** What a send adds to the step's plain GET: a request shape per send, and a look at each answer. */
export interface SendShape {
  request?: () => Omit<ClientRequest, 'url' | 'signal'>;
  onResponse?: (res: ClientResponse) => void;
}

export function sendWith(session: ClientSession, url: string, timeoutMs: number, shape: SendShape = {}): () => Promise<SendOutcome> {
  // One deadline timer for the step, not an AbortSignal.timeout per request (see deadlines.ts).
  const tries = deadlines(timeoutMs);
  return async () => {
    const deadline = tries.start();
    try {
      const res = await session.request(shape.request ? { url, signal: deadline.signal, ...shape.request() } : { url, signal: deadline.signal });
      shape.onResponse?.(res);
      return res.status >= 400 ? 'http-error' : 'ok';
    } catch {
      return deadline.timedOut ? 'timeout' : 'network-error';
    } finally {
      tries.finish(deadline);
    }
  };
}

/** Records completions; `step()` turns them into the model. Pure apart from the histograms it owns. */
export class StepRecorder {
  readonly fromIntended: Histogram = latencyHistogramUs();
  readonly fromActual: Histogram = latencyHistogramUs();
  readonly startLag: Histogram = latencyHistogramUs();
  readonly byOutcome = { ok: 0, 'http-error': 0, 'network-error': 0, timeout: 0 };
  lateStarts = 0;

  constructor(private readonly lateThresholdMs: number) {}

  record(c: Completion): void {
    this.byOutcome[c.outcome]++;
    const lagMs = c.startMs - c.intendedMs;
    this.startLag.recordValue(Math.max(0, Math.round(lagMs * 1000)));
    if (lagMs > this.lateThresholdMs) this.lateStarts++;
    // Failed requests did not get an answer: their time is not a response time.
    if (c.outcome === 'network-error' || c.outcome === 'timeout') return;
    this.fromIntended.recordValue(Math.max(0, Math.round((c.endMs - c.intendedMs) * 1000)));
    this.fromActual.recordValue(Math.max(0, Math.round((c.endMs - c.startMs) * 1000)));
  }

  step(ratePerSec: number, counts: { scheduled: number; started: number; dropped: number; wallMs: number }, eventLoopDelayP99Ms: number): Omit<OpenStep, 'kneeReasons' | 'repeat'> {
    const responses = this.byOutcome.ok + this.byOutcome['http-error'];
    const step = {
      ratePerSec,
      ...counts,
      byOutcome: { ...this.byOutcome },
      achievedPerSec: counts.wallMs > 0 ? (responses * 1000) / counts.wallMs : 0,
      fromIntendedMs: summarizeHistogram(this.fromIntended, 1000),
      fromActualMs: summarizeHistogram(this.fromActual, 1000),
      startLagMs: summarizeHistogram(this.startLag, 1000),
      lateStarts: this.lateStarts,
      histograms: {
        fromIntendedUs: encodeHistogram(this.fromIntended),
        fromActualUs: encodeHistogram(this.fromActual),
        startLagUs: encodeHistogram(this.startLag),
      },
      eventLoopDelayP99Ms,
    };
    return step;
  }
}

export async function runStep(session: ClientSession, options: StepOptions, clock: SchedulerClock = realClock): Promise<Omit<OpenStep, 'kneeReasons' | 'repeat'>> {
  const recorder = new StepRecorder(options.lateThresholdMs);
  const send = options.send ?? sendWith(session, options.url, options.timeoutMs);
  const loopDelay = startLoopDelay();
  const result = await runSchedule(options, clock, send, (c) => recorder.record(c));
  loopDelay.disable();
  const delayP99Ms = loopDelayP99Ms(loopDelay);
  return recorder.step(
    options.ratePerSec,
    { scheduled: result.scheduled, started: result.started, dropped: result.dropped, wallMs: result.endMs - result.startMs },
    delayP99Ms,
  );
}
