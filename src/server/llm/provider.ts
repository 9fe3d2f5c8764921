// What differs between the simulated providers: request bodies, error bodies, rate-limit headers
// and the wire format of answers and streams. simulate.ts runs the same model behind both.
import type { Admission } from './rate-limit.ts';
import type { LlmRequest } from './request.ts';
import type { ResponsePlan } from './plan.ts';

export type ErrorKind = 'invalid' | 'too-large' | 'rate-limit' | 'overloaded' | 'server';

export interface AnswerMeta {
  id: string;
  model: string;
  createdS: number;
  promptTokens: number;
  /** Tokens actually sent (a fault may cut the answer short). */
  outputTokens: number;
}

export interface Provider {
  name: 'openai' | 'anthropic';
  /** Validates a parsed JSON body; throws LlmBadRequest. */
  parse(body: unknown, maxOutputTokens: number): LlmRequest;
  newId(random: () => number): string;
  /** Status and JSON body of an error; `status` overrides the usual one for `kind`; `limit` says which bucket a 429 ran out of. */
  error(kind: ErrorKind, message: string, param: string | null, status?: number, limit?: 'requests' | 'tokens'): { status: number; body: unknown };
  /** Headers describing the key's buckets after `admission`; `wallMs` is Date.now() for absolute resets. */
  rateLimitHeaders(admission: Admission, wallMs: number): Record<string, string>;
  /** The 429's message, in the provider's words. */
  rateLimitMessage(admission: Extract<Admission, { ok: false }>, model: string): string;
  completion(meta: AnswerMeta, plan: ResponsePlan, text: string): unknown;
  /** SSE text before the first token (nothing, or Anthropic's message_start and content_block_start). */
  streamStart(meta: AnswerMeta, request: LlmRequest): string;
  streamToken(meta: AnswerMeta, piece: string, index: number, request: LlmRequest): string;
  streamEnd(meta: AnswerMeta, plan: ResponsePlan, request: LlmRequest): string;
  streamError(message: string): string;
}

/** One SSE event; `event` is omitted for OpenAI's data-only stream. */
export function sse(data: unknown, event?: string): string {
  const json = typeof data === 'string' ? data : JSON.stringify(data);
  return event === undefined ? `data: ${json}\n\n` : `event: ${event}\ndata: ${json}\n\n`;
}

/** An id of 24 hex digits from the request's PRNG, so ids repeat with the seed. */
export function hexId(random: () => number): string {
  let id = '';
  for (let i = 0; i < 3; i++) id += Math.floor(random() * 2 ** 32).toString(16).padStart(8, '0');
  return id;
}
