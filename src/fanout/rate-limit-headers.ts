// What a provider's answer says about its rate limits: OpenAI's x-ratelimit-* headers (resets in Go's
// duration format: `1s`, `6m0s`, `12ms`) and a 429's retry-after-ms / retry-after, as milliseconds.

/** Headers as the SDKs expose them: a fetch `Headers` (openai 5+, undici) or a plain record (node:http, openai 4). */
export type HeadersLike = { get(name: string): string | null } | Readonly<Record<string, string | readonly string[] | undefined | null>>;

export interface RateLimitInfo {
  limitRequests?: number;
  limitTokens?: number;
  remainingRequests?: number;
  remainingTokens?: number;
  /** Until the request bucket is full again. */
  resetRequestsMs?: number;
  /** Until the token bucket is full again. */
  resetTokensMs?: number;
  /** How long a 429 asks the caller to wait: retry-after-ms, else retry-after (seconds or an HTTP date). */
  retryAfterMs?: number;
}

function header(headers: HeadersLike, name: string): string | undefined {
  if (typeof headers.get === 'function') return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  const record = headers as Readonly<Record<string, string | readonly string[] | undefined | null>>;
  const value = record[name] ?? Object.entries(record).find(([key]) => key.toLowerCase() === name)?.[1];
  return (Array.isArray(value) ? value[0] : value) ?? undefined;
}

const UNIT_MS: Readonly<Record<string, number>> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 1e-3, 'µs': 1e-3, ns: 1e-6 };

/** Go's time.Duration text (`1s`, `6m0s`, `1.5s`, `12ms`, `1h2m3.5s`) in ms, or null when it is not one. */
export function parseGoDuration(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '0') return 0;
  const part = /(\d+(?:\.\d+)?|\.\d+)(h|ms|m|s|us|µs|ns)/gy;
  let totalMs = 0;
  let at = 0;
  for (let match = part.exec(trimmed); match; match = part.exec(trimmed)) {
    totalMs += Number(match[1]) * (UNIT_MS[match[2] ?? ''] ?? Number.NaN);
    at = part.lastIndex;
  }
  return at > 0 && at === trimmed.length && Number.isFinite(totalMs) ? totalMs : null;
}

const count = (text: string | undefined): number | undefined => {
  if (text === undefined || !/^\d+$/.test(text.trim())) return undefined;
  return Number(text);
};
const duration = (text: string | undefined): number | undefined => (text === undefined ? undefined : (parseGoDuration(text) ?? undefined));

function retryAfterMs(headers: HeadersLike, wallNowMs: number): number | undefined {
  const ms = header(headers, 'retry-after-ms');
  if (ms !== undefined && Number.isFinite(Number(ms)) && Number(ms) >= 0) return Number(ms);
  const after = header(headers, 'retry-after');
  if (after === undefined) return undefined;
  if (/^\d+(\.\d+)?$/.test(after.trim())) return Number(after) * 1000;
  const date = Date.parse(after);
  return Number.isNaN(date) ? undefined : Math.max(0, date - wallNowMs);
}

/** Reads the headers; fields the answer did not carry (or carried malformed) are left out. */
export function rateLimitInfo(headers: HeadersLike, wallNowMs: number = Date.now()): RateLimitInfo {
  const info: RateLimitInfo = {};
  const set = <K extends keyof RateLimitInfo>(key: K, value: number | undefined): void => {
    if (value !== undefined) info[key] = value;
  };
  set('limitRequests', count(header(headers, 'x-ratelimit-limit-requests')));
  set('limitTokens', count(header(headers, 'x-ratelimit-limit-tokens')));
  set('remainingRequests', count(header(headers, 'x-ratelimit-remaining-requests')));
  set('remainingTokens', count(header(headers, 'x-ratelimit-remaining-tokens')));
  set('resetRequestsMs', duration(header(headers, 'x-ratelimit-reset-requests')));
  set('resetTokensMs', duration(header(headers, 'x-ratelimit-reset-tokens')));
  set('retryAfterMs', retryAfterMs(headers, wallNowMs));
  return info;
}

/** The status and headers of an SDK's HTTP error (openai's and Anthropic's APIError carry both), else null. */
export function httpErrorOf(error: unknown): { status: number; headers: HeadersLike | undefined } | null {
  if (typeof error !== 'object' || error === null || !('status' in error) || typeof error.status !== 'number') return null;
  const headers = 'headers' in error && typeof error.headers === 'object' && error.headers !== null ? (error.headers as HeadersLike) : undefined;
  return { status: error.status, headers };
}
