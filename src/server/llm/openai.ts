// The OpenAI chat completions wire format: request schema, chat.completion, chat.completion.chunk SSE, errors, x-ratelimit-* headers.
import { z } from 'zod';
import { formatGoDuration } from './durations.ts';
import { hexId, sse, type AnswerMeta, type ErrorKind, type Provider } from './provider.ts';
import { checkMaxTokens, LlmBadRequest, type LlmRequest } from './request.ts';

const textPart = z.object({ type: z.string(), text: z.string().optional() }).loose();
const message = z
  .object({
    role: z.enum(['system', 'developer', 'user', 'assistant', 'tool', 'function']),
    content: z.union([z.string(), z.array(textPart)]).nullable().optional(),
  })
  .loose();
const chatRequest = z
  .object({
    model: z.string().min(1),
    messages: z.array(message).min(1, 'messages must hold at least one message'),
    max_tokens: z.number().int().nullable().optional(),
    max_completion_tokens: z.number().int().nullable().optional(),
    stream: z.boolean().nullable().optional(),
    stream_options: z.object({ include_usage: z.boolean().optional() }).loose().nullable().optional(),
    n: z.number().int().nullable().optional(),
    tools: z.array(z.unknown()).nullable().optional(),
    functions: z.array(z.unknown()).nullable().optional(),
    temperature: z.number().nullable().optional(),
    top_p: z.number().nullable().optional(),
    seed: z.number().int().nullable().optional(),
    user: z.string().optional(),
  })
  .loose();

function firstIssue(error: z.ZodError): LlmBadRequest {
  const issue = error.issues[0];
  const param = issue?.path.map(String).join('.') ?? null;
  return new LlmBadRequest(param ? `Invalid value for '${param}': ${issue?.message}` : (issue?.message ?? 'invalid request'), param || null);
}

const contentText = (content: string | Array<{ text?: string | undefined }> | null | undefined): string =>
  typeof content === 'string' ? content : (content ?? []).map((part) => part.text ?? '').join('');

const STATUS: Record<ErrorKind, number> = { invalid: 400, 'too-large': 413, 'rate-limit': 429, overloaded: 503, server: 500 };
const TYPE: Record<ErrorKind, string> = { invalid: 'invalid_request_error', 'too-large': 'invalid_request_error', 'rate-limit': 'requests', overloaded: 'server_error', server: 'server_error' };

export const openai: Provider = {
  name: 'openai',
  parse(body, maxOutputTokens): LlmRequest {
    const parsed = chatRequest.safeParse(body);
    if (!parsed.success) throw firstIssue(parsed.error);
    const req = parsed.data;
    if (req.n != null && req.n !== 1) throw new LlmBadRequest(`n=${req.n} is not supported by this simulator; only n=1`, 'n');
    if ((req.tools?.length ?? 0) > 0 || (req.functions?.length ?? 0) > 0) {
      throw new LlmBadRequest('tools and function calling are not supported by this simulator', req.tools ? 'tools' : 'functions');
    }
    const param = req.max_completion_tokens != null ? 'max_completion_tokens' : 'max_tokens';
    const asked = req.max_completion_tokens ?? req.max_tokens ?? null;
    return {
      model: req.model,
      promptText: req.messages.map((m) => contentText(m.content)).join('\n'),
      maxTokens: asked === null ? maxOutputTokens : checkMaxTokens(asked, maxOutputTokens, param),
      stream: req.stream === true,
      includeUsage: req.stream_options?.include_usage === true,
    };
  },
  newId: (random) => `chatcmpl-${hexId(random)}`,
  error(kind, message, param, status = STATUS[kind], limit = 'requests') {
    const code = kind === 'rate-limit' ? 'rate_limit_exceeded' : null;
    return { status, body: { error: { message, type: kind === 'rate-limit' ? limit : TYPE[kind], param, code } } };
  },
  rateLimitHeaders(admission) {
    const headers: Record<string, string> = {};
    for (const [name, state] of [['requests', admission.requests], ['tokens', admission.tokens]] as const) {
      if (state === null) continue;
      headers[`x-ratelimit-limit-${name}`] = String(state.limit);
      headers[`x-ratelimit-remaining-${name}`] = String(state.remaining);
      headers[`x-ratelimit-reset-${name}`] = formatGoDuration(state.resetMs);
    }
    return headers;
  },
  rateLimitMessage(a, model) {
    const unit = a.kind === 'requests' ? 'requests per min (RPM)' : 'tokens per min (TPM)';
    return `Rate limit reached for ${model} on ${unit}: Limit ${a.limit}, Used ${a.used}, Requested ${a.requested}. Please try again in ${formatGoDuration(a.retryAfterMs)}.`;
  },
  completion(meta, plan, text) {
    return {
      id: meta.id,
      object: 'chat.completion',
      created: meta.createdS,
      model: meta.model,
      choices: [{ index: 0, message: { role: 'assistant', content: text, refusal: null }, logprobs: null, finish_reason: plan.finishReason }],
      usage: usage(meta),
      system_fingerprint: 'fp_fanout_bench',
    };
  },
  streamStart: () => '',
  streamToken(meta, piece, index, request) {
    // The first chunk carries the role, as OpenAI's does; with include_usage every chunk has `usage: null`.
    const delta = index === 0 ? { role: 'assistant', content: piece } : { content: piece };
    return sse(chunk(meta, [{ index: 0, delta, logprobs: null, finish_reason: null }], request.includeUsage ? null : undefined));
  },
  streamEnd(meta, plan, request) {
    let text = sse(chunk(meta, [{ index: 0, delta: {}, logprobs: null, finish_reason: plan.finishReason }], request.includeUsage ? null : undefined));
    if (request.includeUsage) text += sse(chunk(meta, [], usage(meta)));
    return text + sse('[DONE]');
  },
  streamError: (message) => sse({ error: { message, type: 'server_error', param: null, code: null } }),
};

function usage(meta: AnswerMeta) {
  return { prompt_tokens: meta.promptTokens, completion_tokens: meta.outputTokens, total_tokens: meta.promptTokens + meta.outputTokens };
}

function chunk(meta: AnswerMeta, choices: unknown[], usageField?: unknown) {
  return {
    id: meta.id,
    object: 'chat.completion.chunk',
    created: meta.createdS,
    model: meta.model,
    system_fingerprint: 'fp_fanout_bench',
    choices,
    ...(usageField === undefined ? {} : { usage: usageField }),
  };
}
