// The open loop against an LLM endpoint (--open-llm MODEL): each arrival POSTs one streamed chat
// completion with a fixed body drawn from the seed, read chunk by chunk on its own undici Agent (the
// shared client layer reads whole bodies), so each step reports TTFT from the send and the 429s beside
// its latency. The SSE text is parsed when the answer ends; only the TTFT and counts are kept.
import { Agent, request } from 'undici';
import { tokenStream } from '../../llm/tokens.ts';
import type { TimedChunk } from '../../llm/sse.ts';
import { deadlines } from '../../request/deadlines.ts';
import { REQUEST_ID_HEADER, WARMUP_HEADER } from '../../protocol/headers.ts';
import { encodeHistogram, latencyHistogramUs, summarizeHistogram, type Histogram } from '../../stats/hdr.ts';
import { seededRandom } from '../../stats/random.ts';
import type { OpenStepLlm } from './model.ts';
import type { SendOutcome } from './scheduler.ts';

export interface OpenLlmOptions {
  /** The `model` asked for. */
  model: string;
  maxTokens: number;
}

/** One body for the whole sweep: streamed, usage asked for, its prompt drawn from the seed. */
export function openLlmBody(options: OpenLlmOptions, seed: number): string {
  const draw = Math.floor(seededRandom(seed)() * 1_000_000);
  return JSON.stringify({
    model: options.model,
    max_tokens: options.maxTokens,
    stream: true,
    stream_options: { include_usage: true },
    messages: [{ role: 'user', content: `Summarise tool result ${draw} in one line.` }],
  });
}

/** A step's streamed answers: TTFT in an HdrHistogram (µs), 429s, overloads, cut streams, tokens. */
export class LlmStepStats {
  readonly ttft: Histogram = latencyHistogramUs();
  streamed = 0;
  rateLimited = 0;
  overloaded = 0;
  streamErrors = 0;
  outputTokens = 0;

  answer(sendMs: number, status: number, chunks: readonly TimedChunk[]): void {
    if (status === 429) this.rateLimited++;
    if (status === 503 || status === 529) this.overloaded++;
    if (status !== 200) return;
    const stream = tokenStream('openai', chunks);
    this.streamed++;
    this.outputTokens += stream.outputTokens;
    if (stream.error !== null || !stream.complete) this.streamErrors++;
    const first = stream.tokenTimesMs[0];
    if (first !== undefined) this.ttft.recordValue(Math.max(0, Math.round((first - sendMs) * 1000)));
  }

  summary(): OpenStepLlm {
    return {
      streamed: this.streamed,
      ttftMs: summarizeHistogram(this.ttft, 1000),
      rateLimited: this.rateLimited,
      overloaded: this.overloaded,
      streamErrors: this.streamErrors,
      outputTokens: this.outputTokens,
      ttftUs: encodeHistogram(this.ttft),
    };
  }
}

/** Sends the body to `url` and reads the answer's chunks with their arrival times into `stats`. */
export function llmSender(agent: Agent, url: string, body: string, timeoutMs: number, stats: LlmStepStats, idPrefix: string, warmup = false): () => Promise<SendOutcome> {
  const tries = deadlines(timeoutMs);
  let index = 0;
  return async () => {
    const deadline = tries.start();
    // Warm-up requests are marked: the simulator answers them at once and takes nothing from the quota.
    const headers = { 'content-type': 'application/json', authorization: 'Bearer open-loop', [REQUEST_ID_HEADER]: `${idPrefix}${index++}`, ...(warmup ? { [WARMUP_HEADER]: '1' } : {}) };
    const sendMs = performance.now();
    try {
      const res = await request(url, { method: 'POST', dispatcher: agent, headers, body, signal: deadline.signal });
      const chunks: TimedChunk[] = [];
      for await (const data of res.body as AsyncIterable<Uint8Array>) chunks.push({ data, atMs: performance.now() });
      stats.answer(sendMs, res.statusCode, res.statusCode === 200 ? chunks : []);
      return res.statusCode >= 400 ? 'http-error' : 'ok';
    } catch {
      return deadline.timedOut ? 'timeout' : 'network-error';
    } finally {
      tries.finish(deadline);
    }
  };
}

export const openLlmAgent = (connections: number): Agent => new Agent({ connections });
