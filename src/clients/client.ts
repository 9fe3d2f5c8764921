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
  /** Body chunks as they arrived, with their text: only for a text/event-stream answer (a streamed LLM call). */
  chunks?: StreamChunk[];
}

export interface StreamChunk {
  /** Arrival time on the same clock as startMs. */
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
  /** A request body (a URL set's JSON, serialized); `headers` carry its content-type. */
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

/** A finished response: stamps the end now and keeps the headers readable (Server-Timing, Retry-After). */
export function finishedResponse(status: number, bytes: number, startMs: number, firstByteMs: number, headers: HeaderMap, chunks?: StreamChunk[]): ClientResponse {
  const response = new FinishedResponse(status, bytes, startMs, firstByteMs, now(), headerText(headers['server-timing']), headers);
  if (chunks) response.chunks = chunks;
  return response;
}

/** Only a text/event-stream answer keeps its chunks, so every other response pays one header test. */
export const isEventStream = (contentType: string | string[] | null | undefined): boolean =>
  typeof contentType === 'string' && /^\s*text\/event-stream/i.test(contentType);

/** A streamed answer's chunks, stamped as they arrive, decoded as one text (a character split between two chunks is kept whole). */
export class ChunkCollector {
  readonly chunks: StreamChunk[] = [];
  private readonly decoder = new TextDecoder();

  add(data: Uint8Array): void {
    this.chunks.push({ atMs: now(), bytes: data.byteLength, text: this.decoder.decode(data, { stream: true }) });
  }

  /** The chunks, with any bytes the decoder still held added to the last one's text. */
  finish(): StreamChunk[] {
    const rest = this.decoder.decode();
    const last = this.chunks.at(-1);
    if (rest !== '' && last) last.text += rest;
    return this.chunks;
  }
}

/** A class, not a literal with a closure: one response per request, no function object per response. */
class FinishedResponse implements ClientResponse {
  // Declared, not initialised: only a streamed answer's response gets the property.
  declare chunks?: StreamChunk[];

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
