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
