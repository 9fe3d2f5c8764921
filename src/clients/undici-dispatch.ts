// One request through undici's dispatch() with a minimal handler: no Readable body stream, no
// promise per chunk, no parsed URL. The undici client is built on it (src/clients/undici.ts).
import type { Dispatcher } from 'undici';
import { ChunkCollector, headerText, isEventStream, now, type ClientResponse, type HeaderMap, type StreamChunk } from './client.ts';

const NO_HEADERS: HeaderMap = Object.freeze({});

/**
 * The live exchanges of one signal, behind one abort listener however many requests share the signal
 * (the harness's tries share one per start slot, src/request/deadlines.ts): a Set entry per request
 * instead of an EventTarget listener. Gone with its last exchange, so no listener outlives its requests.
 */
class SignalWatch {
  readonly live = new Set<DispatchExchange>();
  constructor(readonly signal: AbortSignal) {
    signal.addEventListener('abort', this);
  }

  handleEvent(): void {
    for (const exchange of this.live) exchange.abort(this.signal.reason);
  }

  leave(exchange: DispatchExchange): void {
    this.live.delete(exchange);
    if (this.live.size === 0) {
      this.signal.removeEventListener('abort', this);
      watches.delete(this.signal);
    }
  }
}

const watches = new WeakMap<AbortSignal, SignalWatch>();

function watch(signal: AbortSignal, exchange: DispatchExchange): SignalWatch {
  let found = watches.get(signal);
  if (found === undefined) watches.set(signal, (found = new SignalWatch(signal)));
  found.live.add(exchange);
  return found;
}

/**
 * The handler and the response in one object: one allocation per request where a handler literal,
 * a response and listener closures cost four or more. Bodies are counted, not kept; a
 * text/event-stream body's chunks are kept with their arrival times.
 */
export class DispatchExchange implements Dispatcher.DispatchHandler, ClientResponse {
  status = 0;
  bytes = 0;
  readonly startMs = now();
  firstByteMs = 0;
  endMs = 0;
  serverTiming: string | null = null;
  chunks?: StreamChunk[];
  // Kept by reference and read only if asked (Retry-After): no copy per request.
  private headers: HeaderMap = NO_HEADERS;
  private controller: Dispatcher.DispatchController | null = null;
  /** Only for a text/event-stream answer. */
  private stream: ChunkCollector | null = null;
  private watch: SignalWatch | null;
  private resolve: ((res: ClientResponse) => void) | null;
  private reject: ((reason: unknown) => void) | null;

  constructor(signal: AbortSignal, resolve: (res: ClientResponse) => void, reject: (reason: unknown) => void) {
    this.resolve = resolve;
    this.reject = reject;
    this.watch = watch(signal, this);
  }

  header(name: string): string | null {
    return headerText(this.headers[name]);
  }

  /** The signal aborted: cut the request with its reason, unchanged (the harness tells a timeout by it). */
  abort(reason: unknown): void {
    this.controller?.abort(reason as Error);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    // Aborted while queued for a socket: undici offers the abort only now.
    const signal = this.watch?.signal;
    if (signal?.aborted) controller.abort(signal.reason);
  }

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number, headers: HeaderMap): void {
    this.firstByteMs = now();
    this.status = statusCode;
    this.headers = headers;
    this.serverTiming = headerText(headers['server-timing']);
    if (isEventStream(headers['content-type'])) this.stream = new ChunkCollector();
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.bytes += chunk.length;
    this.stream?.add(chunk);
  }

  onResponseEnd(): void {
    this.endMs = now();
    if (this.stream) this.chunks = this.stream.finish();
    const resolve = this.resolve;
    this.settle();
    resolve?.(this);
  }

  onResponseError(_controller: Dispatcher.DispatchController | undefined, error: Error): void {
    const reject = this.reject;
    const signal = this.watch?.signal;
    const reason = signal?.aborted ? signal.reason : error;
    this.settle();
    reject?.(reason);
  }

  /** Settled once: it leaves its signal's watch, and the response no longer holds the signal or the connection. */
  private settle(): void {
    this.watch?.leave(this);
    this.watch = null;
    this.controller = null;
    this.stream = null;
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
