// Per-request stream metrics as vLLM's `bench serve` defines them: TTFT, inter-token latencies
// (per token), TPOT = (E2E − TTFT) / (tokens − 1), E2E and output tokens per second. Pure.
import type { TokenStream } from './tokens.ts';

export interface StreamMetrics {
  /** First token − send. Null when no token arrived. */
  ttftMs: number | null;
  /** Last token − send. Null when no token arrived. */
  e2eMs: number | null;
  /** Gap before each token after the first (tokens − 1 entries; 0 for tokens that arrived in one chunk). */
  itlMs: number[];
  /** Mean time per output token after the first; null with fewer than two tokens. */
  tpotMs: number | null;
  outputTokens: number;
  /** Output tokens ÷ E2E. */
  outputTokensPerSec: number | null;
}

export function streamMetrics(sendMs: number, stream: Pick<TokenStream, 'tokenTimesMs' | 'outputTokens'>): StreamMetrics {
  const times = stream.tokenTimesMs;
  const first = times[0];
  const last = times.at(-1);
  if (first === undefined || last === undefined) {
    return { ttftMs: null, e2eMs: null, itlMs: [], tpotMs: null, outputTokens: stream.outputTokens, outputTokensPerSec: null };
  }
  const ttftMs = first - sendMs;
  const e2eMs = last - sendMs;
  const itlMs = times.slice(1).map((t, i) => t - times[i]!);
  const tokens = stream.outputTokens;
  return {
    ttftMs,
    e2eMs,
    itlMs,
    tpotMs: tokens > 1 ? (e2eMs - ttftMs) / (tokens - 1) : null,
    outputTokens: tokens,
    outputTokensPerSec: e2eMs > 0 ? tokens / (e2eMs / 1000) : null,
  };
}
