// The per-request RouteContext, as a class so a request allocates no closures: on a hot /get the
// closures, an AbortController and a promise chain per request cost more than the route itself.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestBody } from './echo.ts';
import type { Random } from '../stats/random.ts';
import type { LlmStateSource } from './llm/lazy.ts';
import { BadRequest } from './respond.ts';
import type { FaultState, RouteContext } from './route.ts';

export interface ServerSettings {
  timeScale: number;
  maxDelayS: number;
  maxBodyBytes: number;
  random: Random;
  seed: number;
  faultState: FaultState;
  llm: LlmStateSource;
}

/** Without Content-Length or Transfer-Encoding an HTTP/1.1 request has no body. */
export const requestHasBody = (req: IncomingMessage): boolean => req.headers['content-length'] !== undefined || req.headers['transfer-encoding'] !== undefined;

export class RequestContext implements RouteContext {
  readonly origin: string;
  readonly timeScale: number;
  readonly maxDelayS: number;
  readonly maxBodyBytes: number;
  readonly random: Random;
  readonly faultState: FaultState;
  readonly seed: number;
  readonly llm: LlmStateSource;
  #signal: AbortSignal | null = null;
  #url: URL | null = null;

  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    /** `http://host`, against which the request target is resolved. */
    private readonly base: string,
    readonly params: string[],
    settings: ServerSettings,
  ) {
    this.origin = req.socket.remoteAddress ?? '';
    this.timeScale = settings.timeScale;
    this.maxDelayS = settings.maxDelayS;
    this.maxBodyBytes = settings.maxBodyBytes;
    this.random = settings.random;
    this.faultState = settings.faultState;
    this.seed = settings.seed;
    this.llm = settings.llm;
  }

  /** The full request URL, parsed on first use: the cached /get echo never needs it. */
  get url(): URL {
    if (this.#url === null) {
      try {
        this.#url = new URL(this.req.url ?? '/', this.base);
      } catch {
        throw new BadRequest('malformed request target');
      }
    }
    return this.#url;
  }

  /** Aborted when the response closes unfinished: the client went away, or close() destroyed its socket. Made on first use. */
  get signal(): AbortSignal {
    if (this.#signal === null) {
      const done = new AbortController();
      const res = this.res;
      if (res.closed || res.destroyed) done.abort();
      // Not after a finished response: nothing waits on it then, and each abort builds a DOMException.
      else res.once('close', () => res.writableFinished || done.abort());
      this.#signal = done.signal;
    }
    return this.#signal;
  }

  /** Waits `ms`; rejects as soon as the response closes unfinished, so no timer outlives its request.
   *  A plain timer and one listener: an AbortSignal per request costs more CPU and GC than the route itself. */
  sleep(ms: number): Promise<void> {
    const res = this.res;
    return new Promise((resolve, reject) => {
      if (res.closed || res.destroyed) return reject(new Error('response closed'));
      const onClose = (): void => {
        clearTimeout(timer);
        if (!res.writableFinished) reject(new Error('response closed'));
      };
      const timer = setTimeout(() => {
        res.off('close', onClose);
        resolve();
      }, ms);
      res.on('close', onClose);
    });
  }

  async readBody(): Promise<RequestBody> {
    const contentType = this.req.headers['content-type'] ?? '';
    // Without a body skip the stream iterator, which is costly.
    if (!requestHasBody(this.req)) return { text: '', contentType };
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of this.req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > this.maxBodyBytes) throw new BadRequest(`request body larger than ${this.maxBodyBytes} bytes`, 413);
      chunks.push(chunk);
    }
    return { text: Buffer.concat(chunks).toString('utf8'), contentType };
  }
}
