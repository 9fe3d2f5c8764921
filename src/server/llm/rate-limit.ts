// Provider rate limits per API key: requests and tokens per minute as continuously refilled buckets.
// Tokens are reserved from the prompt estimate plus max_tokens and settled from actual usage at the end.
// The minute follows the server's time scale, and the clock is injectable for unit tests.

export interface RateLimitOptions {
  /** Requests per minute per key; 0 = unlimited. */
  rpm: number;
  /** Tokens per minute per key; 0 = unlimited. */
  tpm: number;
  /** Length of the limits' minute in real ms (60,000 × timeScale). */
  minuteMs: number;
  /** Monotonic ms. */
  now: () => number;
}

export interface BucketState {
  limit: number;
  remaining: number;
  /** Time until the bucket is full again (ms). */
  resetMs: number;
}

export type Admission =
  | { ok: true; requests: BucketState | null; tokens: BucketState | null }
  | { ok: false; kind: 'requests' | 'tokens'; limit: number; used: number; requested: number; retryAfterMs: number; requests: BucketState | null; tokens: BucketState | null };

/** Keys kept at most; the least recently used is dropped beyond, so random keys cannot grow memory. */
const MAX_KEYS = 1000;

class Bucket {
  level: number;
  atMs: number;
  constructor(
    readonly limit: number,
    nowMs: number,
  ) {
    this.level = limit;
    this.atMs = nowMs;
  }

  refill(nowMs: number, perMs: number): void {
    this.level = Math.min(this.limit, this.level + (nowMs - this.atMs) * perMs);
    this.atMs = nowMs;
  }

  state(perMs: number): BucketState {
    return { limit: this.limit, remaining: Math.max(0, Math.floor(this.level)), resetMs: (this.limit - this.level) / perMs };
  }
}

export class RateLimiter {
  readonly #keys = new Map<string, { requests: Bucket | null; tokens: Bucket | null }>();

  constructor(readonly options: RateLimitOptions) {}

  #buckets(key: string): { requests: Bucket | null; tokens: Bucket | null } {
    const nowMs = this.options.now();
    let entry = this.#keys.get(key);
    if (entry === undefined) {
      entry = {
        requests: this.options.rpm > 0 ? new Bucket(this.options.rpm, nowMs) : null,
        tokens: this.options.tpm > 0 ? new Bucket(this.options.tpm, nowMs) : null,
      };
      if (this.#keys.size >= MAX_KEYS) this.#keys.delete(this.#keys.keys().next().value!);
    }
    this.#keys.delete(key);
    this.#keys.set(key, entry);
    entry.requests?.refill(nowMs, this.options.rpm / this.options.minuteMs);
    entry.tokens?.refill(nowMs, this.options.tpm / this.options.minuteMs);
    return entry;
  }

  #states(entry: { requests: Bucket | null; tokens: Bucket | null }): { requests: BucketState | null; tokens: BucketState | null } {
    return {
      requests: entry.requests?.state(this.options.rpm / this.options.minuteMs) ?? null,
      tokens: entry.tokens?.state(this.options.tpm / this.options.minuteMs) ?? null,
    };
  }

  /** Takes one request and `tokens` reserved tokens from the key's buckets, or says how long to wait. */
  admit(key: string, tokens: number): Admission {
    const entry = this.#buckets(key);
    const { requests, tokens: tokenBucket } = entry;
    if (requests !== null && requests.level < 1) {
      const retryAfterMs = (1 - requests.level) / (this.options.rpm / this.options.minuteMs);
      return { ok: false, kind: 'requests', limit: requests.limit, used: Math.ceil(requests.limit - requests.level), requested: 1, retryAfterMs, ...this.#states(entry) };
    }
    if (tokenBucket !== null && tokenBucket.level < tokens) {
      // A request larger than the whole bucket can never pass; it is told to wait a full minute.
      const missing = Math.min(tokens, tokenBucket.limit) - tokenBucket.level;
      const retryAfterMs = Math.max(missing / (this.options.tpm / this.options.minuteMs), 1);
      return { ok: false, kind: 'tokens', limit: tokenBucket.limit, used: Math.ceil(tokenBucket.limit - tokenBucket.level), requested: tokens, retryAfterMs, ...this.#states(entry) };
    }
    if (requests !== null) requests.level -= 1;
    if (tokenBucket !== null) tokenBucket.level -= tokens;
    return { ok: true, ...this.#states(entry) };
  }

  /** Returns what a finished request reserved but did not use (or takes what it used beyond its reservation). */
  settle(key: string, reservedTokens: number, usedTokens: number): void {
    const entry = this.#buckets(key);
    if (entry.tokens !== null) entry.tokens.level = Math.min(entry.tokens.limit, entry.tokens.level + reservedTokens - usedTokens);
  }
}
