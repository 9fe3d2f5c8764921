// Token arrival times from a streamed OpenAI or Anthropic answer: tokens are counted in the content
// (one per whitespace-delimited word piece, which is exact for fanout-bench's server), not per SSE
// chunk — counting chunks is a known error of other tools when a chunk carries several tokens.
import { parseSseEvents, type TimedChunk, type TimedEvent } from './sse.ts';

export type StreamFormat = 'openai' | 'anthropic';

export interface TokenStream {
  /** Arrival time of each counted token (ms), in order. */
  tokenTimesMs: number[];
  text: string;
  /** Output tokens the provider reported (`usage.completion_tokens` / `output_tokens`), when it did. */
  usageTokens: number | null;
  /** Tokens to use for rates: the provider's count when given, else the counted ones. */
  outputTokens: number;
  /** Prompt tokens the provider reported (OpenAI's usage chunk, Anthropic's message_start); null when it did not. */
  inputTokens: number | null;
  /** The model that answered, as the stream names it (each OpenAI chunk, Anthropic's message_start). */
  model: string | null;
  /** The finish or stop reason, when the stream reached it. */
  finishReason: string | null;
  /** The message of an error event inside the stream, if any. */
  error: string | null;
  /** True when the stream ended properly (`[DONE]` or `message_stop`). */
  complete: boolean;
}

interface Counter {
  /** Whether the text so far ends inside a word, so a piece starting with a letter continues it. */
  inWord: boolean;
}

/** Tokens that start in `piece`: a word piece starts where non-space follows space (or the stream's start). */
function countStarts(piece: string, counter: Counter): number {
  let starts = 0;
  for (const char of piece) {
    const space = /\s/.test(char);
    if (!space && !counter.inWord) starts += 1;
    counter.inWord = !space;
  }
  return starts;
}

function parseJson(data: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(data);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const record = (value: unknown): Record<string, unknown> | null => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null);

export function tokenStream(format: StreamFormat, chunks: Iterable<TimedChunk>): TokenStream {
  return tokensFromEvents(format, parseSseEvents(chunks));
}

export function tokensFromEvents(format: StreamFormat, events: readonly TimedEvent[]): TokenStream {
  const out: TokenStream = { tokenTimesMs: [], text: '', usageTokens: null, outputTokens: 0, inputTokens: null, model: null, finishReason: null, error: null, complete: false };
  const counter: Counter = { inWord: false };
  const addText = (piece: string, atMs: number): void => {
    out.text += piece;
    for (let n = countStarts(piece, counter); n > 0; n--) out.tokenTimesMs.push(atMs);
  };
  for (const event of events) {
    if (format === 'openai' && event.data.trim() === '[DONE]') {
      out.complete = true;
      continue;
    }
    const data = parseJson(event.data);
    if (data === null) continue;
    const error = record(data.error);
    if (event.event === 'error' || error !== null) {
      out.error = String(error?.message ?? 'error event');
      continue;
    }
    if (format === 'openai') readOpenAi(data, event.atMs, out, addText);
    else readAnthropic(data, event.atMs, out, addText);
  }
  out.outputTokens = out.usageTokens ?? out.tokenTimesMs.length;
  return out;
}

function readOpenAi(data: Record<string, unknown>, atMs: number, out: TokenStream, addText: (piece: string, atMs: number) => void): void {
  const choices = Array.isArray(data.choices) ? data.choices : [];
  for (const choice of choices) {
    const c = record(choice);
    const content = record(c?.delta)?.content;
    if (typeof content === 'string') addText(content, atMs);
    if (typeof c?.finish_reason === 'string') out.finishReason = c.finish_reason;
  }
  if (typeof data.model === 'string' && out.model === null) out.model = data.model;
  const usage = record(data.usage);
  if (typeof usage?.completion_tokens === 'number') out.usageTokens = usage.completion_tokens;
  if (typeof usage?.prompt_tokens === 'number') out.inputTokens = usage.prompt_tokens;
}

function readAnthropic(data: Record<string, unknown>, atMs: number, out: TokenStream, addText: (piece: string, atMs: number) => void): void {
  switch (data.type) {
    case 'message_start': {
      // The prompt's tokens are known before the first token; its output_tokens is a placeholder.
      const message = record(data.message);
      if (typeof message?.model === 'string') out.model = message.model;
      const input = record(message?.usage)?.input_tokens;
      if (typeof input === 'number') out.inputTokens = input;
      break;
    }
    case 'content_block_delta': {
      const delta = record(data.delta);
      if (delta?.type === 'text_delta' && typeof delta.text === 'string') addText(delta.text, atMs);
      break;
    }
    case 'message_delta': {
      const stop = record(data.delta)?.stop_reason;
      if (typeof stop === 'string') out.finishReason = stop;
      const usage = record(data.usage);
      if (typeof usage?.output_tokens === 'number') out.usageTokens = usage.output_tokens;
      if (typeof usage?.input_tokens === 'number') out.inputTokens = usage.input_tokens;
      break;
    }
    case 'message_stop':
      out.complete = true;
      break;
  }
}
