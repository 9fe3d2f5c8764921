// The open loop against an LLM endpoint (--open-llm MODEL): each arrival POSTs one streamed chat
// completion with a fixed body drawn from the seed through the step's client session, whose
// text/event-stream answers keep their chunks as they arrived, so each step reports TTFT from the send
// and the 429s beside its latency. The SSE text is parsed when the answer ends; only the TTFT and counts are kept.
import type { ClientSession } from '../../clients/index.ts';
import { tokenStream } from '../../llm/tokens.ts';
import type { TimedChunk } from '../../llm/sse.ts';
import { REQUEST_ID_HEADER, WARMUP_HEADER } from '../../protocol/headers.ts';
import { encodeHistogram, latencyHistogramUs, summarizeHistogram, type Histogram } from '../../stats/hdr.ts';
import { seededRandom } from '../../stats/random.ts';
import type { OpenStepLlm } from './model.ts';
import type { SendOutcome } from './scheduler.ts';
import { sendWith } from './step.ts';

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

/** Sends the body to `url` through the session; each answer's chunks (with their arrival times) go into `stats`. */
export function llmSender(session: ClientSession, url: string, body: string, timeoutMs: number, stats: LlmStepStats, idPrefix: string, warmup = false): () => Promise<SendOutcome> {
  let index = 0;
  return sendWith(session, url, timeoutMs, {
    // Warm-up requests are marked: the simulator answers them at once and takes nothing from the quota.
    request: () => ({
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', authorization: 'Bearer open-loop', [REQUEST_ID_HEADER]: `${idPrefix}${index++}`, ...(warmup ? { [WARMUP_HEADER]: '1' } : {}) },
    }),
    onResponse: (res) => {
      const chunks: TimedChunk[] = res.status === 200 ? (res.chunks ?? []).map((chunk) => ({ data: chunk.text, atMs: chunk.atMs })) : [];
      stats.answer(res.startMs, res.status, chunks);
    },
  });
}
