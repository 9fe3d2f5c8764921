// Builds the `attempt(i)` a strategy calls. It issues the request (retrying it when the row's
// strategy retries), records exactly one RequestRecord per call whatever happens, and rejects on
// failure as real client code would.
import { setTimeout as sleep } from 'node:timers/promises';
import type { ClientResponse, ClientSession } from '../clients/index.ts';
import type { ClientRequest, StreamChunk } from '../clients/client.ts';
import type { FailedAttempt, Outcome, RequestRecord } from '../model/records.ts';
import { QUOTA_SCOPE_HEADER, REQUEST_ID_HEADER } from '../protocol/headers.ts';
import type { Attempt } from '../strategies/index.ts';
import { backoffMs, INTERRUPTED, isRetryable, RETRY_AFTER_MAX_MS, retryAfterMs, retryBudgetFor, type RetryPolicy } from './retry.ts';
import { servedDelayMs } from '../protocol/server-timing.ts';
import { deadlines, type Deadline } from './deadlines.ts';
import type { UrlRequest } from './url-request.ts';

/** Shared by every ok try: outcomes are read, never changed. */
const OK: Outcome = Object.freeze({ kind: 'ok' });

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

export interface AttemptOptions {
  /** Retry failed tries by this policy; absent: one try per request. */
  retry?: RetryPolicy;
  /** The run's abort: cancels tries in flight and waits between them. */
  signal?: AbortSignal;
  /** Awaited before every try (the request-rate cap for remote targets). */
  beforeTry?: (signal: AbortSignal | undefined) => Promise<void>;
  /** Sent with every try. */
  headers?: Record<string, string>;
  /** When set, every try carries REQUEST_ID_HEADER `<requestIdPrefix><index>.<try>` (keyed fault draws). */
  requestIdPrefix?: string;
  /** Method, body and headers per request index (a URL set's request entries); null or absent: a GET. */
  requests?: readonly (UrlRequest | null)[];
  /** Sent as QUOTA_SCOPE_HEADER with request entries only (plain GETs stay as they were). */
  quotaScope?: string;
}

/** Counted as tries happen, independently of the records, so run-row can check the two agree. */
export interface TryCounters {
  tries: number;
  retries: number;
  retriesDenied: number;
  /** Retries allowed in this run; null when the row does not retry. */
  retryBudget: number | null;
}

export interface RunRecorder {
  attempt: Attempt;
  records: RequestRecord[];
  counters: TryCounters;
  /** Streamed answers (text/event-stream) with their chunks' text, to be measured after the run. */
  streams: CapturedStream[];
}

/** A streamed answer's chunks, times from the run's start; `sendMs` is when its final try was sent. */
export interface CapturedStream {
  index: number;
  sendMs: number;
  chunks: StreamChunk[];
}

interface Try {
  startMs: number;
  endMs: number;
  outcome: Outcome;
  res?: ClientResponse;
}

export function recordingAttempt(
  session: ClientSession,
  urls: readonly string[],
  runStartMs: number,
  timeoutMs: number,
  options: AttemptOptions = {},
): RunRecorder {
  const records: RequestRecord[] = [];
  const streams: CapturedStream[] = [];
  const counters: TryCounters = {
    tries: 0,
    retries: 0,
    retriesDenied: 0,
    retryBudget: options.retry ? retryBudgetFor(options.retry, urls.length) : null,
  };
  const rel = (ms: number): number => ms - runStartMs;

  // An entry's own headers first: the harness's (warm-up mark, request id) are added on top. Plain
  // path entries build exactly the object they always did.
  const headersFor = (index: number, tryNumber: number): Record<string, string> | undefined => {
    const entry = options.requests?.[index];
    const own = entry && options.quotaScope !== undefined ? { ...entry.headers, [QUOTA_SCOPE_HEADER]: options.quotaScope } : entry?.headers;
    if (options.requestIdPrefix === undefined) return own ? { ...own, ...options.headers } : options.headers;
    const id = `${options.requestIdPrefix}${index}.${tryNumber}`;
    return own ? { ...own, ...options.headers, [REQUEST_ID_HEADER]: id } : { ...options.headers, [REQUEST_ID_HEADER]: id };
  };

  const tries = deadlines(timeoutMs, options.signal);
  const tryOnce = async (url: string, headers: Record<string, string> | undefined, spec: UrlRequest | null | undefined): Promise<Try> => {
    counters.tries += 1;
    let issuedMs = performance.now();
    let deadline: Deadline | undefined;
    try {
      if (options.beforeTry) {
        await options.beforeTry(options.signal);
        issuedMs = performance.now();
      }
      // The timeout starts when the rate gate lets the try go, not before.
      deadline = tries.start();
      const res = await session.request(requestOf(url, deadline.signal, headers, spec));
      tries.finish(deadline);
      return { startMs: res.startMs, endMs: res.endMs, outcome: res.status >= 400 ? { kind: 'http-error', status: res.status } : OK, res };
    } catch (error) {
      if (deadline) tries.finish(deadline);
      return { startMs: issuedMs, endMs: performance.now(), outcome: failureOf(deadline, error) };
    }
  };

  const failureOf = (deadline: Deadline | undefined, error: unknown): Exclude<Outcome, { kind: 'ok' }> =>
    deadline?.timedOut
      ? { kind: 'timeout', afterMs: timeoutMs }
      : options.signal?.aborted
        ? { kind: 'network-error', code: INTERRUPTED, message: 'the run was interrupted' }
        : { kind: 'network-error', ...networkErrorOf(error) };

  /** The wait before retry number `retry` (from 0), or null when this failure should not be retried. */
  const waitBefore = (index: number, retry: number, last: Try): { waitMs: number; retryAfter: boolean } | null => {
    const policy = options.retry;
    if (!policy || retry >= policy.maxRetries || !isRetryable(last.outcome) || options.signal?.aborted) return null;
    const res = last.res;
    const askedMs = res?.header ? retryAfterMs((name) => res.header?.(name) ?? null, Date.now()) : undefined;
    if (askedMs !== undefined && askedMs > RETRY_AFTER_MAX_MS) return null;
    if (counters.retryBudget !== null && counters.retries >= counters.retryBudget) {
      counters.retriesDenied += 1;
      return null;
    }
    counters.retries += 1;
    return askedMs === undefined ? { waitMs: backoffMs(policy, index, retry), retryAfter: false } : { waitMs: askedMs, retryAfter: true };
  };

  /** One request's record from its final try (`res` absent when no answer came); a streamed answer's
   *  chunks are kept for measuring after the run. The one builder for both attempt paths. */
  const recordOf = (
    index: number,
    url: string,
    spec: UrlRequest | null | undefined,
    startMs: number,
    endMs: number,
    outcome: Outcome,
    res: ClientResponse | undefined,
  ): RequestRecord => {
    const record: RequestRecord = { index, url, queuedMs: 0, startMs, endMs, outcome, bytes: res?.bytes ?? 0 };
    if (res) {
      record.firstByteMs = rel(res.firstByteMs);
      record.status = res.status;
      const serverDelayMs = servedDelayMs(res.serverTiming);
      if (serverDelayMs !== undefined) record.serverDelayMs = serverDelayMs;
    }
    if (spec) record.method = spec.method;
    if (res?.chunks) {
      const chunks = res.chunks.map((chunk) => ({ atMs: rel(chunk.atMs), bytes: chunk.bytes, text: chunk.text }));
      record.chunks = chunks.map(({ atMs, bytes }) => ({ atMs, bytes }));
      streams.push({ index, sendMs: rel(res.startMs), chunks });
    }
    return record;
  };

  const attempt: Attempt = async (index) => {
    const url = urls[index];
    if (url === undefined) throw new RangeError(`request index ${index} is outside the URL set`);
    const failed: FailedAttempt[] = [];
    const spec = options.requests?.[index];
    let last = await tryOnce(url, headersFor(index, 0), spec);
    for (;;) {
      const wait = waitBefore(index, failed.length, last);
      if (wait === null) break;
      const triedDelayMs = last.res ? servedDelayMs(last.res.serverTiming) : undefined;
      failed.push({
        startMs: rel(last.startMs),
        endMs: rel(last.endMs),
        outcome: last.outcome,
        ...(last.res ? { status: last.res.status } : {}),
        ...(triedDelayMs === undefined ? {} : { serverDelayMs: triedDelayMs }),
        ...wait,
      });
      try {
        await sleep(wait.waitMs, undefined, options.signal ? { signal: options.signal } : {});
      } catch {
        // Interrupted while waiting: the retry never happened, the request ends with its last failure.
        failed.pop();
        counters.retries -= 1;
        break;
      }
      last = await tryOnce(url, headersFor(index, failed.length), spec);
    }
    const first = failed[0];
    const res = last.res;
    const record = recordOf(index, url, spec, first ? first.startMs : rel(last.startMs), rel(last.endMs), last.outcome, res);
    if (failed.length > 0) {
      record.attempts = failed.length + 1;
      record.failedAttempts = failed;
    }
    records.push(record);
    if (last.outcome.kind !== 'ok') throw new RequestFailure(url, last.outcome);
    return res;
  };

  // The common row (no retries, no rate gate): the one try inline, with no Try object and one async
  // frame per request instead of two. Records exactly what `attempt` records for a single try.
  const attemptOnce: Attempt = async (index) => {
    const url = urls[index];
    if (url === undefined) throw new RangeError(`request index ${index} is outside the URL set`);
    const spec = options.requests?.[index];
    const headers = headersFor(index, 0);
    counters.tries += 1;
    const issuedMs = performance.now();
    const deadline = tries.start();
    let res: ClientResponse;
    try {
      res = await session.request(requestOf(url, deadline.signal, headers, spec));
    } catch (error) {
      tries.finish(deadline);
      const outcome = failureOf(deadline, error);
      records.push(recordOf(index, url, spec, rel(issuedMs), rel(performance.now()), outcome, undefined));
      throw new RequestFailure(url, outcome);
    }
    tries.finish(deadline);
    const outcome: Outcome = res.status >= 400 ? { kind: 'http-error', status: res.status } : OK;
    records.push(recordOf(index, url, spec, rel(res.startMs), rel(res.endMs), outcome, res));
    if (outcome.kind !== 'ok') throw new RequestFailure(url, outcome);
    return res;
  };
  return { attempt: options.retry || options.beforeTry ? attempt : attemptOnce, records, counters, streams };
}

/** A try's request: a plain GET stays the two- or three-field object it always was. */
function requestOf(url: string, signal: AbortSignal, headers: Record<string, string> | undefined, spec: UrlRequest | null | undefined): ClientRequest {
  const request: ClientRequest = headers ? { url, signal, headers } : { url, signal };
  if (spec) {
    request.method = spec.method;
    if (spec.body !== undefined) request.body = spec.body;
  }
  return request;
}

function networkErrorOf(error: unknown): { code: string; message: string } {
  const err = error as { code?: unknown; cause?: { code?: unknown; message?: unknown }; message?: unknown; name?: unknown };
  const code = err.code ?? err.cause?.code ?? err.name ?? 'ERROR';
  const message = err.cause?.message ?? err.message ?? String(error);
  return { code: String(code), message: String(message) };
}
