// Small response helpers shared by the routes: JSON bodies, httpbin-style errors, Server-Timing.
import type { ServerResponse } from 'node:http';
import { STATUS_CODES } from 'node:http';

export class BadRequest extends Error {
  constructor(
    readonly detail: string,
    readonly statusCode = 400,
  ) {
    super(detail);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = `${JSON.stringify(body, null, 2)}\n`;
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** A JSON body already serialised (see echo-cache.ts). */
export function sendJsonBytes(res: ServerResponse, status: number, body: Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': body.length, ...headers });
  res.end(body);
}

/** go-httpbin's error body: `{"status_code", "error", "detail"}`. */
export function sendError(res: ServerResponse, status: number, detail: string): void {
  sendJson(res, status, { status_code: status, error: STATUS_CODES[status] ?? 'Error', detail });
}

/** Requests carrying this header get /delay's answer at once: the harness's warm-up runs, which
 *  warm connections and code paths without waiting out the delays. Server-Timing says so. */
export const WARMUP_HEADER = 'x-fanout-warmup';

/** Names one try of one request of one run (`<run>:<index>.<try>`): /flaky then decides by (seed, id),
 *  so every strategy row meets the same failures on the same request, whatever order it sends them in. */
export const REQUEST_ID_HEADER = 'x-fanout-request-id';

/** `initial_delay;dur=…` as go-httpbin sends it, plus what was asked for when a delay was clamped or skipped. */
export function serverTiming(servedMs: number, requestedMs?: number, why = 'clamped to max delay'): string {
  const parts = [`initial_delay;dur=${servedMs.toFixed(2)};desc="initial delay"`];
  if (requestedMs !== undefined && requestedMs !== servedMs) {
    parts.push(`requested_delay;dur=${requestedMs.toFixed(2)};desc="${why}"`);
  }
  return parts.join(', ');
}
