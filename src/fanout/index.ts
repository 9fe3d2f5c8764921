// Fan-out helpers users wrap around their own calls (any SDK): a rate-limit-aware pool, an AIMD pool
// and hedged calls. Pure scheduling: they make no requests of their own and take an injectable clock.
export { systemClock, type FanoutClock } from './clock.ts';
export { rateLimitInfo, parseGoDuration, type HeadersLike, type RateLimitInfo } from './rate-limit-headers.ts';
export { rateLimitAwarePool, type RateLimitPoolOptions, type RateLimitPoolResult, type RateLimitTask, type RateLimitTaskContext } from './rate-limit-pool.ts';
export { aimdPool, type AimdPoolOptions, type AimdPoolResult } from './aimd-pool.ts';
export { hedged, LatencyHistory, type HedgeDelay, type HedgedOptions, type HedgedResult } from './hedged.ts';
