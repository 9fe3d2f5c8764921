// undici's request channels (every copy of undici publishes on the same names: the npm package,
// the one bundled in Node behind global fetch, an SDK's own). One Request object = one request.
import { createRequire } from 'node:module';
import type { SeenHeaders } from './entry.ts';
import type { Tracker } from './tracker.ts';

/** The part of undici's core Request the recorder reads. */
interface UndiciRequest {
  method?: string;
  origin?: unknown;
  path?: string;
}

interface CreateMessage {
  request: UndiciRequest;
}
interface HeadersMessage {
  request: UndiciRequest;
  response: { statusCode: number; headers: ReadonlyArray<Buffer | string> };
}
interface ChunkMessage {
  request: UndiciRequest;
  chunk: { length: number; toString(): string };
}
interface ErrorMessage {
  request: UndiciRequest;
  error: unknown;
}

export const UNDICI_CHANNELS = {
  create: 'undici:request:create',
  headers: 'undici:request:headers',
  chunk: 'undici:request:bodyChunkReceived',
  trailers: 'undici:request:trailers',
  error: 'undici:request:error',
} as const;

/** Request classes known to publish bodyChunkReceived: undici 7 (our dependency, which also carries
 *  global fetch once it is the global dispatcher), plus any class seen publishing one. Node 20's bundled
 *  undici 6 does not, so for its requests the chunk list is absent rather than wrongly empty. */
const chunkPublishers = new WeakSet<object>();
try {
  chunkPublishers.add(createRequire(import.meta.url)('undici/lib/core/request.js') as object);
} catch {
  // A future undici may close its deep paths: then classes are learned from their first chunk.
}

const publishesChunks = (request: object): boolean => chunkPublishers.has(request.constructor);

export function undiciHandlers(tracker: Tracker<object>): Record<string, (message: unknown) => void> {
  return {
    [UNDICI_CHANNELS.create]: (message) => {
      const { request } = message as CreateMessage;
      tracker.begin(
        request,
        () => ({ via: 'undici', method: request.method ?? 'GET', origin: originOf(request.origin), path: request.path ?? '/' }),
        publishesChunks(request),
      );
    },
    [UNDICI_CHANNELS.headers]: (message) => {
      const { request, response } = message as HeadersMessage;
      tracker.get(request)?.headers(performance.now(), undiciHeaders(response.statusCode, response.headers));
    },
    [UNDICI_CHANNELS.chunk]: (message) => {
      const { request, chunk } = message as ChunkMessage;
      chunkPublishers.add(request.constructor);
      const entry = tracker.get(request);
      // The text of a streamed answer (text/event-stream) is kept: its tokens are counted in the content.
      entry?.chunk(performance.now(), chunk.length, entry.streamed ? String(chunk) : undefined);
    },
    [UNDICI_CHANNELS.trailers]: (message) => {
      const { request } = message as CreateMessage;
      tracker.get(request)?.complete(performance.now());
    },
    [UNDICI_CHANNELS.error]: (message) => {
      const { request, error } = message as ErrorMessage;
      tracker.get(request)?.fail(performance.now(), error);
    },
  };
}

/** undici hands raw header pairs: [name, value, name, value, …] as Buffers or strings. */
export function undiciHeaders(status: number, raw: ReadonlyArray<Buffer | string>): SeenHeaders {
  const timings: string[] = [];
  let contentLength: number | undefined;
  let streamed = false;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = String(raw[i]).toLowerCase();
    if (name === 'server-timing') timings.push(String(raw[i + 1]));
    else if (name === 'content-length') contentLength = parseLength(String(raw[i + 1]));
    else if (name === 'content-type') streamed = String(raw[i + 1]).toLowerCase().startsWith('text/event-stream');
  }
  return { status, serverTiming: timings.length > 0 ? timings.join(', ') : null, contentLength, streamed };
}

export function parseLength(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value.trim());
}

/** undici keeps the origin as a string, or a URL in some versions. */
const originOf = (origin: unknown): string => (origin instanceof URL ? origin.origin : String(origin ?? ''));
