// The Anthropic Messages wire format: request schema, message, the streamed event sequence, errors, anthropic-ratelimit-* headers.
import { z } from 'zod';
import { rfc3339After } from './durations.ts';
import { hexId, sse, type AnswerMeta, type ErrorKind, type Provider } from './provider.ts';
import { checkMaxTokens, LlmBadRequest, type LlmRequest } from './request.ts';

const block = z.object({ type: z.string(), text: z.string().optional() }).loose();
const content = z.union([z.string(), z.array(block)]);
const messagesRequest = z
  .object({
    model: z.string().min(1),
    max_tokens: z.number().int(),
    messages: z.array(z.object({ role: z.enum(['user', 'assistant']), content }).loose()).min(1, 'at least one message is required'),
    system: content.optional(),
    stream: z.boolean().optional(),
    tools: z.array(z.unknown()).optional(),
    temperature: z.number().optional(),
    top_p: z.number().optional(),
    top_k: z.number().int().optional(),
    stop_sequences: z.array(z.string()).optional(),
  })
  .loose();

const textOf = (value: z.infer<typeof content> | undefined): string =>
  typeof value === 'string' ? value : (value ?? []).map((b) => b.text ?? '').join('');

const STATUS: Record<ErrorKind, number> = { invalid: 400, 'too-large': 413, 'rate-limit': 429, overloaded: 529, server: 500 };
const TYPE: Record<ErrorKind, string> = { invalid: 'invalid_request_error', 'too-large': 'request_too_large', 'rate-limit': 'rate_limit_error', overloaded: 'overloaded_error', server: 'api_error' };
/** Numbers the error bodies' request_id. */
let requestCount = 0;
const STOP_REASON = { stop: 'end_turn', length: 'max_tokens' } as const;

export const anthropic: Provider = {
  name: 'anthropic',
  parse(body, maxOutputTokens): LlmRequest {
    const parsed = messagesRequest.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = issue?.path.map(String).join('.') ?? '';
      throw new LlmBadRequest(path ? `${path}: ${issue?.message}` : (issue?.message ?? 'invalid request'), path || null);
    }
    const req = parsed.data;
    if ((req.tools?.length ?? 0) > 0) throw new LlmBadRequest('tools: tool use is not supported by this simulator', 'tools');
    return {
      model: req.model,
      promptText: [textOf(req.system), ...req.messages.map((m) => textOf(m.content))].join('\n'),
      maxTokens: checkMaxTokens(req.max_tokens, maxOutputTokens, 'max_tokens'),
      stream: req.stream === true,
      includeUsage: true,
    };
  },
  newId: (random) => `msg_${hexId(random)}`,
  error(kind, message, _param, status = STATUS[kind]) {
    requestCount += 1;
    return { status, body: { type: 'error', error: { type: TYPE[kind], message }, request_id: `req_fanout${requestCount.toString(16).padStart(8, '0')}` } };
  },
  rateLimitHeaders(admission, wallMs) {
    const headers: Record<string, string> = {};
    for (const [name, state] of [['requests', admission.requests], ['tokens', admission.tokens]] as const) {
      if (state === null) continue;
      headers[`anthropic-ratelimit-${name}-limit`] = String(state.limit);
      headers[`anthropic-ratelimit-${name}-remaining`] = String(state.remaining);
      headers[`anthropic-ratelimit-${name}-reset`] = rfc3339After(wallMs, state.resetMs);
    }
    return headers;
  },
  rateLimitMessage: (a) =>
    `This request would exceed the rate limit for your organization of ${a.limit} ${a.kind === 'requests' ? 'requests' : 'tokens'} per minute. Please try again later.`,
  completion(meta, plan, text) {
    return { ...message(meta, [{ type: 'text', text }], STOP_REASON[plan.finishReason]), usage: usage(meta.promptTokens, meta.outputTokens) };
  },
  streamStart(meta) {
    const start = { ...message(meta, [], null), usage: usage(meta.promptTokens, 1) };
    return (
      sse({ type: 'message_start', message: start }, 'message_start') +
      sse({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }, 'content_block_start') +
      sse({ type: 'ping' }, 'ping')
    );
  },
  streamToken: (_meta, piece) => sse({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: piece } }, 'content_block_delta'),
  streamEnd(meta, plan) {
    return (
      sse({ type: 'content_block_stop', index: 0 }, 'content_block_stop') +
      sse(
        {
          type: 'message_delta',
          delta: { stop_reason: STOP_REASON[plan.finishReason], stop_sequence: null },
          usage: { output_tokens: meta.outputTokens },
        },
        'message_delta',
      ) +
      sse({ type: 'message_stop' }, 'message_stop')
    );
  },
  streamError: (message) => sse({ type: 'error', error: { type: 'api_error', message } }, 'error'),
};

function message(meta: AnswerMeta, content: unknown[], stopReason: string | null) {
  return { id: meta.id, type: 'message', role: 'assistant', model: meta.model, content, stop_reason: stopReason, stop_sequence: null };
}

function usage(inputTokens: number, outputTokens: number) {
  return { input_tokens: inputTokens, output_tokens: outputTokens, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };
}
