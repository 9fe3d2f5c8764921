// One simulated LLM call, whichever provider's format: validate, admit against the key's rate limits,
// queue for a batch slot on the model, wait out prefill, then answer whole or stream token by token.
import type { ServerResponse } from 'node:http';
import { keyedUnit } from '../../stats/random.ts';
import { BadRequest } from '../respond.ts';
import { REQUEST_ID_HEADER, WARMUP_HEADER } from '../../protocol/headers.ts';
import type { RouteContext } from '../route.ts';
import { loadFactor, planResponse, requestRandom, type ResponsePlan } from './plan.ts';
import { presetFor } from './presets.ts';
import type { AnswerMeta, ErrorKind, Provider } from './provider.ts';
import { apiKeyOf, jsonBody, LlmBadRequest, paramOverrides, streamFault, type LlmRequest, type StreamFault } from './request.ts';
import { estimateTokens, tokenPieces } from './words.ts';

/** Marks every injected stream fault, like the fault routes' x-fanout-fault. */
const INJECTED_HEADER = 'x-fanout-fault';

export async function simulate(ctx: RouteContext, provider: Provider): Promise<void> {
  try {
    await serve(ctx, provider);
  } catch (error) {
    if (ctx.res.headersSent || ctx.res.destroyed) return;
    if (error instanceof LlmBadRequest) return sendProviderError(ctx.res, provider, 'invalid', error.message, error.param);
    if (error instanceof BadRequest) return sendProviderError(ctx.res, provider, error.statusCode === 413 ? 'too-large' : 'invalid', error.detail, null, error.statusCode);
    if (ctx.signal.aborted) return;
    sendProviderError(ctx.res, provider, 'server', `internal error: ${(error as Error).message}`, null);
  }
}

function sendProviderError(res: ServerResponse, provider: Provider, kind: ErrorKind, message: string, param: string | null, status?: number, headers: Record<string, string> = {}, limit?: 'requests' | 'tokens'): void {
  const answer = provider.error(kind, message, param, status, limit);
  const text = JSON.stringify(answer.body);
  res.writeHead(answer.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

async function serve(ctx: RouteContext, provider: Provider): Promise<void> {
  const llm = await ctx.llm();
  const request: LlmRequest = provider.parse(jsonBody((await ctx.readBody()).text), llm.maxOutputTokens);
  const preset = presetFor(request.model, llm.defaultPreset);
  const params = { ...llm.presets[preset], ...paramOverrides(ctx.req) };
  const fault = streamFault(ctx.req);
  const id = ctx.req.headers[REQUEST_ID_HEADER];
  // Keyed by the harness's request id when it names one, so every strategy row gets the same answers.
  const random = requestRandom(ctx.seed, typeof id === 'string' ? id : `unnamed:${ctx.random()}`);
  const promptTokens = estimateTokens(request.promptText);
  const plan = planResponse(params, random, promptTokens, request.maxTokens);
  const meta: AnswerMeta = { id: provider.newId(random), model: request.model, createdS: Math.floor(Date.now() / 1000), promptTokens, outputTokens: plan.outputTokens };

  if (ctx.req.headers[WARMUP_HEADER] !== undefined) {
    // Warm-ups answer at once and spend no quota: they warm connections, not the model.
    const timing = { 'server-timing': 'queue;dur=0.00, ttft;dur=0.00, decode;dur=0.00;desc="skipped for warm-up"' };
    if (!request.stream) return sendAnswer(ctx.res, provider.completion(meta, plan, tokenPieces(plan.words).join('')), timing);
    ctx.res.writeHead(200, { ...SSE_HEADERS, ...timing });
    ctx.res.end(provider.streamStart(meta, request) + tokenPieces(plan.words).map((p, i) => provider.streamToken(meta, p, i, request)).join('') + provider.streamEnd(meta, plan, request));
    return;
  }

  const key = apiKeyOf(ctx.req);
  const reserved = promptTokens + request.maxTokens;
  const admission = llm.limiter.admit(key, reserved);
  const limitHeaders = provider.rateLimitHeaders(admission, Date.now());
  if (!admission.ok) {
    const waitMs = Math.ceil(admission.retryAfterMs);
    return sendProviderError(ctx.res, provider, 'rate-limit', provider.rateLimitMessage(admission, request.model), null, undefined, {
      ...limitHeaders,
      'retry-after': String(Math.max(1, Math.ceil(waitMs / 1000))),
      'retry-after-ms': String(waitMs),
      [INJECTED_HEADER]: 'llm-rate-limit',
    }, admission.kind);
  }

  const batch = llm.batches[preset];
  const sent = { tokens: 0 };
  if (batch.full) {
    llm.limiter.settle(key, reserved, 0);
    return sendProviderError(ctx.res, provider, 'overloaded', `${request.model} is overloaded: ${batch.waiting} requests already queued`, null, undefined, { [INJECTED_HEADER]: 'llm-overloaded' });
  }
  const queuedAtMs = performance.now();
  try {
    await batch.acquire(ctx.signal);
  } catch {
    llm.limiter.settle(key, reserved, 0);
    return;
  }
  try {
    const queueMs = performance.now() - queuedAtMs;
    const factor = loadFactor(batch.running, params.batchCapacity, params.loadSlowdown);
    const scale = factor * ctx.timeScale;
    const ttftMs = plan.prefillMs * scale;
    const faultAt = faultPosition(fault, plan, ctx.seed, meta.id);
    const gapsMs = plan.gapsMs.map((gap, i) => gap * scale + (fault?.kind === 'stall' && faultAt === i + 1 ? fault.stallMs * ctx.timeScale : 0));
    const decodeMs = gapsMs.reduce((sum, gap) => sum + gap, 0);
    // initial_delay (what the harness's ideal reads) is all the server held the request: queueing for a
    // batch slot is the server's answer too, not the client's overhead.
    const timing = {
      'server-timing': `queue;dur=${queueMs.toFixed(2)}, ttft;dur=${ttftMs.toFixed(2)}, decode;dur=${decodeMs.toFixed(2)}, initial_delay;dur=${(queueMs + ttftMs + decodeMs).toFixed(2)}`,
    };
    const headers = { ...limitHeaders, ...timing, ...(fault ? { [INJECTED_HEADER]: `llm-${fault.kind}` } : {}) };
    await ctx.sleep(ttftMs);
    if (!request.stream) {
      await ctx.sleep(decodeMs);
      if (fault?.kind === 'disconnect') {
        ctx.req.socket.destroy();
        return;
      }
      if (fault?.kind === 'error') return sendProviderError(ctx.res, provider, 'server', 'injected error (x-fanout-llm-fault)', null, undefined, headers);
      sent.tokens = plan.outputTokens;
      return sendAnswer(ctx.res, provider.completion(meta, plan, tokenPieces(plan.words).join('')), headers);
    }
    await streamTokens(ctx, provider, request, plan, meta, gapsMs, fault, faultAt, headers, sent);
  } finally {
    batch.release();
    llm.limiter.settle(key, reserved, promptTokens + sent.tokens);
  }
}

const SSE_HEADERS = { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' } as const;

function sendAnswer(res: ServerResponse, body: unknown, headers: Record<string, string>): void {
  const text = JSON.stringify(body);
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** The token after which a fault strikes: the asked one, or one drawn from (seed, answer id) within the answer. */
function faultPosition(fault: StreamFault | null, plan: ResponsePlan, seed: number, answerId: string): number {
  if (fault === null) return -1;
  if (fault.afterTokens !== null) return Math.min(fault.afterTokens, plan.outputTokens);
  return 1 + Math.floor(keyedUnit(seed, `fault:${answerId}`) * Math.max(1, plan.outputTokens - 1));
}

/** Writes tokens on their schedule; when timers are coarser than the gaps (small time scales), every token due
 *  is written at once, each still its own event. `sent.tokens` counts what was written, so a client that
 *  leaves mid-stream is charged for the tokens it was sent. */
async function streamTokens(
  ctx: RouteContext,
  provider: Provider,
  request: LlmRequest,
  plan: ResponsePlan,
  meta: AnswerMeta,
  gapsMs: readonly number[],
  fault: StreamFault | null,
  faultAt: number,
  headers: Record<string, string>,
  sent: { tokens: number },
): Promise<void> {
  const pieces = tokenPieces(plan.words);
  const lastToken = fault !== null && fault.kind !== 'stall' ? faultAt : pieces.length;
  ctx.res.writeHead(200, { ...SSE_HEADERS, ...headers });
  const startMs = performance.now();
  let dueMs = 0;
  let text = provider.streamStart(meta, request);
  for (let i = 0; i < lastToken; i++) {
    if (i > 0) dueMs += gapsMs[i - 1] ?? 0;
    const waitMs = startMs + dueMs - performance.now();
    if (waitMs >= 1) {
      if (text !== '') ctx.res.write(text);
      text = '';
      await ctx.sleep(waitMs);
    }
    text += provider.streamToken(meta, pieces[i] ?? '', i, request);
    sent.tokens = i + 1;
  }
  if (fault?.kind === 'disconnect') {
    ctx.res.write(text);
    // Let the tokens reach the client before the connection drops mid-stream.
    await ctx.sleep(5);
    ctx.req.socket.destroy();
    return;
  }
  if (fault?.kind === 'error') {
    ctx.res.end(text + provider.streamError(`injected error after ${lastToken} tokens (x-fanout-llm-fault)`));
    return;
  }
  const done: AnswerMeta = { ...meta, outputTokens: lastToken };
  ctx.res.end(text + provider.streamEnd(done, plan, request));
}
