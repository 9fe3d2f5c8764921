// The echo of /get (and of a bodiless /delay) is a pure function of the method, URL, origin and
// headers. A load generator sends one request thousands of times a second, so the serialised body
// is kept instead of rebuilt each time: the bytes are the same, the server's cost per request
// stays close to a static responder's. Bounded: the map is emptied when it fills.
import type { IncomingMessage } from 'node:http';

const MAX_ENTRIES = 256;
const bodies = new Map<string, Buffer>();

/** The echo depends on the method, the target, the origin and the raw headers (Host among them). */
export function echoKey(req: IncomingMessage, origin: string): string {
  return `${req.method} ${req.url}\n${origin}\n${req.rawHeaders.join('\n')}`;
}

interface Echoed {
  method: string | undefined;
  url: string | undefined;
  origin: string;
  rawHeaders: readonly string[];
  body: Buffer;
}

/** The last request echoed: a load generator repeats one request, and comparing its method, target,
 *  origin and few header strings costs less than building and hashing the key. */
let last: Echoed | null = null;

function sameRequest(echoed: Echoed, req: IncomingMessage, origin: string): boolean {
  if (echoed.method !== req.method || echoed.url !== req.url || echoed.origin !== origin) return false;
  const raw = req.rawHeaders;
  if (echoed.rawHeaders.length !== raw.length) return false;
  for (let i = 0; i < raw.length; i++) if (echoed.rawHeaders[i] !== raw[i]) return false;
  return true;
}

/** The serialised echo of `req` (see cachedJsonBody), the same request as the last one answered first. */
export function cachedEchoBody(req: IncomingMessage, origin: string, build: () => unknown): Buffer {
  if (last !== null && sameRequest(last, req, origin)) return last.body;
  const body = cachedJsonBody(echoKey(req, origin), build);
  last = { method: req.method, url: req.url, origin, rawHeaders: req.rawHeaders, body };
  return body;
}

/** The JSON body for `key`, built (pretty-printed, newline-terminated, as sendJson does) on a miss. */
export function cachedJsonBody(key: string, build: () => unknown): Buffer {
  let body = bodies.get(key);
  if (body === undefined) {
    if (bodies.size >= MAX_ENTRIES) bodies.clear();
    body = Buffer.from(`${JSON.stringify(build(), null, 2)}\n`);
    bodies.set(key, body);
  }
  return body;
}
