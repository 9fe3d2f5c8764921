// One request as the recorder follows it: filled in by channel events on absolute performance.now()
// times, then turned into a RecordedRequest relative to its window. The first terminal event wins.
import type { BodyChunk, RecordedRequest, RecordedVia } from './model.ts';
import type { Outcome } from '../model/records.ts';
import { servedDelayMs } from '../protocol/server-timing.ts';

export interface EntryIdentity {
  via: RecordedVia;
  method: string;
  origin: string;
  path: string;
}

/** Response headers, as the recorder needs them (both stacks hand over different shapes). */
export interface SeenHeaders {
  status: number;
  serverTiming: string | null;
  contentLength: number | undefined;
  /** A text/event-stream answer, whose chunk text is kept. */
  streamed?: boolean;
}

export class Entry {
  firstByteMs: number | undefined;
  endMs: number | undefined;
  outcome: Outcome | undefined;
  status: number | undefined;
  serverDelayMs: number | undefined;
  contentLength: number | undefined;
  /** True for a text/event-stream answer: chunk text is kept. */
  streamed = false;
  /** Absolute arrival times; null while this stack is not known to publish chunks. */
  chunks: BodyChunk[] | null;
  /** Bytes of the body known to have arrived when it ended, from Content-Length (no chunk events). */
  private endedBytes: number | undefined;
  readonly incomplete: string[] = [];

  constructor(
    readonly index: number,
    readonly identity: EntryIdentity,
    readonly startMs: number,
    observesChunks: boolean,
  ) {
    this.chunks = observesChunks ? [] : null;
  }

  get ended(): boolean {
    return this.endMs !== undefined;
  }

  headers(atMs: number, seen: SeenHeaders): void {
    if (this.ended || this.firstByteMs !== undefined) return;
    this.firstByteMs = atMs;
    this.status = seen.status;
    this.serverDelayMs = servedDelayMs(seen.serverTiming);
    this.contentLength = seen.contentLength;
    this.streamed = seen.streamed === true;
  }

  chunk(atMs: number, bytes: number, text?: string): void {
    if (this.ended) return;
    // A class learned to publish chunks only now has published none before this one: none was missed.
    this.chunks ??= [];
    this.chunks.push(text === undefined ? { atMs, bytes } : { atMs, bytes, text });
  }

  /** The body ended: the outcome follows the status. */
  complete(atMs: number): void {
    if (this.ended) return;
    this.endMs = atMs;
    if (this.status === undefined) {
      // An end without headers: the stack skipped the headers event; nothing to classify by.
      this.outcome = { kind: 'network-error', code: 'NO_HEADERS', message: 'the body ended but no response headers were seen' };
      this.incomplete.push('no response headers event before the end');
      return;
    }
    this.outcome = this.status >= 400 ? { kind: 'http-error', status: this.status } : { kind: 'ok' };
    if (this.chunks === null) {
      if (this.contentLength !== undefined) this.endedBytes = this.contentLength;
      else this.incomplete.push(`body bytes not observable: ${this.identity.via} publishes no body chunks here and no Content-Length was sent`);
    }
  }

  fail(atMs: number, error: unknown, reason?: string): void {
    if (this.ended) return;
    this.endMs = atMs;
    this.outcome = { kind: 'network-error', ...errorCode(error) };
    if (reason !== undefined) this.incomplete.push(reason);
    if (this.chunks === null && this.firstByteMs !== undefined) this.incomplete.push('body bytes before the error not observable: no body chunks published');
  }

  /** Known bytes: chunks when observed, Content-Length of a body seen to end, 0 when no response came. */
  private bytes(): number | undefined {
    if (this.chunks !== null) return this.chunks.reduce((sum, chunk) => sum + chunk.bytes, 0);
    if (this.endedBytes !== undefined) return this.endedBytes;
    return this.firstByteMs === undefined && this.ended ? 0 : undefined;
  }

  /** The record relative to `zeroMs` (the window's opening); what is unknown stays absent. */
  toRecord(zeroMs: number): RecordedRequest {
    const bytes = this.bytes();
    return {
      index: this.index,
      ...this.identity,
      startMs: this.startMs - zeroMs,
      ...(this.firstByteMs !== undefined ? { firstByteMs: this.firstByteMs - zeroMs } : {}),
      ...(this.endMs !== undefined ? { endMs: this.endMs - zeroMs } : {}),
      ...(this.outcome !== undefined ? { outcome: this.outcome } : {}),
      ...(this.status !== undefined ? { status: this.status } : {}),
      ...(bytes !== undefined ? { bytes } : {}),
      ...(this.serverDelayMs !== undefined ? { serverDelayMs: this.serverDelayMs } : {}),
      ...(this.chunks !== null ? { chunks: this.chunks.map((chunk) => ({ ...chunk, atMs: chunk.atMs - zeroMs })) } : {}),
      ...(this.streamed ? { eventStream: true as const } : {}),
      leaked: !this.ended,
      incomplete: [...this.incomplete],
    };
  }
}

/** A network error's code and message, from the error or its cause (fetch wraps the socket error). */
export function errorCode(error: unknown): { code: string; message: string } {
  const err = (error ?? {}) as { code?: unknown; cause?: { code?: unknown; message?: unknown }; message?: unknown; name?: unknown };
  const code = err.code ?? err.cause?.code ?? err.name ?? 'ERROR';
  const message = err.cause?.message ?? err.message ?? String(error);
  return { code: String(code), message: String(message) };
}
