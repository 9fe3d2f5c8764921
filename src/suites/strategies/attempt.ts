// Builds the `attempt(i)` a strategy calls. It issues the request, records exactly one
// RequestRecord per call whatever happens, and rejects on failure as real client code would.
import type { ClientSession } from '../../clients/index.ts';
import type { Outcome, RequestRecord } from '../../model.ts';
import type { Attempt } from '../../strategies/index.ts';
import { servedDelayMs } from './server-timing.ts';

export class RequestFailure extends Error {
  constructor(
    readonly url: string,
    readonly outcome: Exclude<Outcome, { kind: 'ok' }>,
  ) {
    super(`${url}: ${describeOutcome(outcome)}`);
  }
}

export function describeOutcome(outcome: Outcome): string {
  switch (outcome.kind) {
    case 'ok':
      return 'ok';
    case 'http-error':
      return `HTTP ${outcome.status}`;
    case 'network-error':
      return `${outcome.code}: ${outcome.message}`;
    case 'timeout':
      return `timed out after ${outcome.afterMs} ms`;
  }
}

export interface RunRecorder {
  attempt: Attempt;
  records: RequestRecord[];
}

export function recordingAttempt(session: ClientSession, urls: readonly string[], runStartMs: number, timeoutMs: number): RunRecorder {
  const records: RequestRecord[] = [];
  const rel = (ms: number): number => ms - runStartMs;
  const attempt: Attempt = async (index) => {
    const url = urls[index];
    if (url === undefined) throw new RangeError(`request index ${index} is outside the URL set`);
    const signal = AbortSignal.timeout(timeoutMs);
    const issuedMs = performance.now();
    try {
      const res = await session.request({ url, signal });
      const outcome: Outcome = res.status >= 400 ? { kind: 'http-error', status: res.status } : { kind: 'ok' };
      const serverDelayMs = servedDelayMs(res.serverTiming);
      records.push({
        index,
        url,
        queuedMs: 0,
        startMs: rel(res.startMs),
        firstByteMs: rel(res.firstByteMs),
        endMs: rel(res.endMs),
        outcome,
        status: res.status,
        bytes: res.bytes,
        ...(serverDelayMs === undefined ? {} : { serverDelayMs }),
      });
      if (outcome.kind !== 'ok') throw new RequestFailure(url, outcome);
      return res;
    } catch (error) {
      if (error instanceof RequestFailure) throw error;
      const outcome: Exclude<Outcome, { kind: 'ok' }> = signal.aborted
        ? { kind: 'timeout', afterMs: timeoutMs }
        : { kind: 'network-error', ...networkErrorOf(error) };
      records.push({ index, url, queuedMs: 0, startMs: rel(issuedMs), endMs: rel(performance.now()), outcome, bytes: 0 });
      throw new RequestFailure(url, outcome);
    }
  };
  return { attempt, records };
}

function networkErrorOf(error: unknown): { code: string; message: string } {
  const err = error as { code?: unknown; cause?: { code?: unknown; message?: unknown }; message?: unknown; name?: unknown };
  const code = err.code ?? err.cause?.code ?? err.name ?? 'ERROR';
  const message = err.cause?.message ?? err.message ?? String(error);
  return { code: String(code), message: String(message) };
}
