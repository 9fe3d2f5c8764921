// What the LLM routes read from a request besides the body: the API key, per-request latency
// overrides and stream faults, each from a header so tests and SDK clients can set them.
import type { IncomingMessage } from 'node:http';
import { latencyParamsSchema, type LatencyParams } from './presets.ts';
import { QUOTA_SCOPE_HEADER } from '../../protocol/headers.ts';

/** A request the provider refuses with 400; `param` names the offending field, as OpenAI's error body does. */
export class LlmBadRequest extends Error {
  constructor(
    message: string,
    readonly param: string | null = null,
  ) {
    super(message);
  }
}

/** The prompt, the limits and the streaming options every provider route reduces its body to. */
export interface LlmRequest {
  model: string;
  promptText: string;
  maxTokens: number;
  stream: boolean;
  includeUsage: boolean;
}

/** `x-fanout-llm-params: itlMs=2,ttftOverheadMs=10` overrides preset parameters for one request. */
export const PARAMS_HEADER = 'x-fanout-llm-params';
/** `x-fanout-llm-fault: error@20 | disconnect@10 | stall@5:2000`; without `@N` the token is drawn from the request's seed. */
export const FAULT_HEADER = 'x-fanout-llm-fault';

export type StreamFault =
  | { kind: 'error'; afterTokens: number | null }
  | { kind: 'disconnect'; afterTokens: number | null }
  | { kind: 'stall'; afterTokens: number | null; stallMs: number };

const MAX_KEY_LENGTH = 100;

/** The API key names the rate-limit bucket; any key is accepted, none is the "anonymous" bucket. The
 *  harness's quota scope, when sent, gives the key a bucket per scope. */
export function apiKeyOf(req: IncomingMessage): string {
  const auth = req.headers.authorization;
  const key = auth?.toLowerCase().startsWith('bearer ') ? auth.slice(7).trim() : req.headers['x-api-key'];
  const text = (typeof key === 'string' && key !== '' ? key : 'anonymous').slice(0, MAX_KEY_LENGTH);
  const scope = req.headers[QUOTA_SCOPE_HEADER];
  return typeof scope === 'string' && scope !== '' ? `${text}#${scope.slice(0, MAX_KEY_LENGTH)}` : text;
}

const overridesSchema = latencyParamsSchema.partial().strict();

export function paramOverrides(req: IncomingMessage): Partial<LatencyParams> {
  const raw = req.headers[PARAMS_HEADER];
  if (typeof raw !== 'string' || raw.trim() === '') return {};
  const entries: Record<string, number> = {};
  for (const part of raw.split(',')) {
    const [name, value] = part.split('=').map((s) => s.trim());
    if (!name || value === undefined || value === '' || !Number.isFinite(Number(value))) {
      throw new LlmBadRequest(`${PARAMS_HEADER}: expected name=number pairs separated by commas, got "${part.trim()}"`);
    }
    entries[name] = Number(value);
  }
  const parsed = overridesSchema.safeParse(entries);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LlmBadRequest(`${PARAMS_HEADER}: ${issue?.path.join('.') || issue?.message} ${issue?.path.length ? issue.message : ''}`.trim());
  }
  return parsed.data as Partial<LatencyParams>;
}

const FAULT_PATTERN = /^(error|disconnect|stall)(?:@(\d+))?(?::(\d+(?:\.\d+)?))?$/;

export function streamFault(req: IncomingMessage): StreamFault | null {
  const raw = req.headers[FAULT_HEADER];
  if (typeof raw !== 'string' || raw.trim() === '') return null;
  const match = FAULT_PATTERN.exec(raw.trim());
  if (match === null) throw new LlmBadRequest(`${FAULT_HEADER}: expected error@N, disconnect@N or stall@N:MS (N tokens, optional), got "${raw}"`);
  const kind = match[1] as StreamFault['kind'];
  const afterTokens = match[2] === undefined ? null : Number(match[2]);
  if (kind === 'stall') return { kind, afterTokens, stallMs: match[3] === undefined ? 1000 : Number(match[3]) };
  if (match[3] !== undefined) throw new LlmBadRequest(`${FAULT_HEADER}: only stall takes a duration (stall@N:MS), got "${raw}"`);
  return { kind, afterTokens };
}

/** Parses the body as JSON, or refuses it. */
export function jsonBody(text: string): unknown {
  if (text.trim() === '') throw new LlmBadRequest('request body is empty; expected a JSON object');
  try {
    return JSON.parse(text);
  } catch {
    throw new LlmBadRequest('request body is not valid JSON');
  }
}

/** max_tokens must be a positive integer within the server's limit. */
export function checkMaxTokens(value: number, limit: number, param: string): number {
  if (value < 1) throw new LlmBadRequest(`${param} must be at least 1, got ${value}`, param);
  if (value > limit) throw new LlmBadRequest(`${param} is too large: ${value}; this model supports at most ${limit} output tokens`, param);
  return value;
}
