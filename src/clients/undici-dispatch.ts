// One request through undici's dispatch() with a minimal handler: no Readable body stream, no
// promise per chunk, no parsed URL. The undici client is built on it (src/clients/undici.ts).
import { StringDecoder } from 'node:string_decoder';
import type { Dispatcher } from 'undici';
import { headerText, isEventStream, now, type ClientResponse, type HeaderMap, type ResponseChunk } from './client.ts';

const NO_HEADERS: HeaderMap = Object.freeze({});

/**
 * The handler and the response in one object, and the abort listener too (`handleEvent`): one
 * allocation per request where a handler literal, a response and listener closures cost four or more.
 * Bodies are counted, not kept; a text/event-stream body's chunks are kept with their arrival times.
 */
export class DispatchExchange implements Dispatcher.DispatchHandler, ClientResponse {
  status = 0;
  bytes = 0;
  readonly startMs = now();
  firstByteMs = 0;
  endMs = 0;
  serverTiming: string | null = null;
  chunks?: ResponseChunk[];
  // Kept by reference and read only if asked (Retry-After): no copy per request.
  private headers: HeaderMap = NO_HEADERS;
  private controller: Dispatcher.DispatchController | null = null;
  private decoder: StringDecoder | null = null;
  private signal: AbortSignal | null;
  private resolve: ((res: ClientResponse) => void) | null;
  private reject: ((reason: unknown) => void) | null;

  constructor(signal: AbortSignal, resolve: (res: ClientResponse) => void, reject: (reason: unknown) => void) {
    this.signal = signal;
    this.resolve = resolve;
    this.reject = reject;
    signal.addEventListener('abort', this);
  }

  header(name: string): string | null {
    return headerText(this.headers[name]);
  }

  /** The signal aborted: cut the request with its reason, unchanged (the harness tells a timeout by it). */
  handleEvent(): void {
    this.controller?.abort(this.signal?.reason);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    // Aborted while queued for a socket: undici offers the abort only now.
    if (this.signal?.aborted) controller.abort(this.signal.reason);
  }

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number, headers: HeaderMap): void {
    this.firstByteMs = now();
    this.status = statusCode;
    this.headers = headers;
    this.serverTiming = headerText(headers['server-timing']);
    if (isEventStream(headerText(headers['content-type']))) {
      this.chunks = [];
      this.decoder = new StringDecoder('utf8');
    }
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.bytes += chunk.length;
    // A character split across chunks is decoded whole in the later chunk.
    if (this.chunks && this.decoder) this.chunks.push({ atMs: now(), bytes: chunk.length, text: this.decoder.write(chunk) });
  }

  onResponseEnd(): void {
    this.endMs = now();
    const resolve = this.resolve;
    this.settle();
    resolve?.(this);
  }

  onResponseError(_controller: Dispatcher.DispatchController | undefined, error: Error): void {
    const reject = this.reject;
    const reason = this.signal?.aborted ? this.signal.reason : error;
    this.settle();
    reject?.(reason);
  }

  /** Settled once: the listener goes, and the response no longer holds the signal or the connection. */
  private settle(): void {
    this.signal?.removeEventListener('abort', this);
    this.signal = null;
    this.controller = null;
    this.decoder = null;
    this.resolve = null;
    this.reject = null;
  }
}

/** Origin and path of an absolute http(s) URL, without building a URL object per request. */
export function splitUrl(url: string): { origin: string; path: string } {
  const hostStart = url.indexOf('//') + 2;
  const slash = url.indexOf('/', hostStart);
  const query = url.indexOf('?', hostStart);
  const cut = slash === -1 ? query : query === -1 ? slash : Math.min(slash, query);
  if (hostStart < 2 || cut === -1) return { origin: url, path: '/' };
  const path = url.slice(cut);
  return { origin: url.slice(0, cut), path: path.startsWith('/') ? path : `/${path}` };
}
