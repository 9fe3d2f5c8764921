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

