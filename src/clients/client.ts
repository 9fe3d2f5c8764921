// The Client interface: one HTTP stack, opened once per run, reading whole bodies and stamping
// start / first byte / end on the one monotonic clock (performance.now()).
export interface ClientResponse {
  status: number;
  bytes: number;
  startMs: number;
  /** Response headers received. */
  firstByteMs: number;
  endMs: number;
  /** The raw Server-Timing header, if any. */
  serverTiming: string | null;
  /** Reads a response header (for Retry-After); clients that cannot leave it out and are never told to wait. */
  header?: (name: string) => string | null;
  /** Each body chunk as it arrived; only for a text/event-stream response (the text decoded as UTF-8). */
  chunks?: ResponseChunk[];
}

export interface ResponseChunk {
  atMs: number;
  bytes: number;
  text: string;
}

export interface ClientRequest {
  url: string;
  /** Aborts the request; the abort reason is rethrown unchanged so the harness can tell a timeout. */
  signal: AbortSignal;
  method?: string;
  /** Extra request headers (the harness marks warm-up requests with one). */
  headers?: Record<string, string>;
  /** Sent as the request body. */
  body?: string;
}

export interface ClientSession {
  request(request: ClientRequest): Promise<ClientResponse>;
  close(): Promise<void>;
}

export interface ClientOptions {
  /** Upper bound on sockets per origin; enough for the widest strategy. */
  connections: number;
}

export interface Client {
  name: string;
  description: string;
  open(options: ClientOptions): ClientSession;
}

export const now = (): number => performance.now();

/** One header value as text: repeated headers joined as HTTP allows. */
export const headerText = (value: string | string[] | undefined): string | null =>
  value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;

export type HeaderMap = Record<string, string | string[] | undefined>;

/** A streamed answer (SSE): its chunks are kept with their arrival times. */
export const isEventStream = (contentType: string | null): boolean => contentType !== null && contentType.toLowerCase().startsWith('text/event-stream');

/** A finished response: stamps the end now and keeps the headers readable (Server-Timing, Retry-After). */
export function finishedResponse(status: number, bytes: number, startMs: number, firstByteMs: number, headers: HeaderMap): ClientResponse {
  return new FinishedResponse(status, bytes, startMs, firstByteMs, now(), headerText(headers['server-timing']), headers);
}

/** A class, not a literal with a closure: one response per request, no function object per response. */
class FinishedResponse implements ClientResponse {
  constructor(
    readonly status: number,
    readonly bytes: number,
    readonly startMs: number,
    readonly firstByteMs: number,
    readonly endMs: number,
    readonly serverTiming: string | null,
    private readonly headers: HeaderMap,
  ) {}

  header(name: string): string | null {
    return headerText(this.headers[name]);
  }
}
