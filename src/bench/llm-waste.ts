// Tokens paid for and not used: a streamed answer the code did not take whole — cancelled (a hedge's
// loser, an abort, a timeout), cut or ended by an error event (whether retried or not), or leaked (still
// streaming when the code moved on). What arrived of it counts: its output tokens (counted in the
// content when the stream was cut before its usage) and its prompt tokens where the stream reported them.
// A call to an LLM endpoint cancelled before its answer began (a hedge's loser, often) is a wasted request
// with no output tokens and its prompt unknown: providers differ on billing it (the simulator charges its
// prompt to the quota).
import type { LlmRow, RequestRecord } from '../model/records.ts';

const LLM_PATH = /\/(chat\/completions|messages)$/;

/** A POST to an LLM endpoint that ended with no answer at all: cancelled, timed out or left in flight. */
function cancelledCall(record: RequestRecord): boolean {
  if (record.stream !== undefined || record.status !== undefined || record.method !== 'POST') return false;
  if (record.outcome.kind !== 'network-error' && record.outcome.kind !== 'timeout') return false;
  return LLM_PATH.test(new URL(record.url).pathname);
}

/** True when the record is a streamed answer whose tokens were generated and not used, or a call cancelled before it was answered. */
export function isWasted(record: RequestRecord): boolean {
  if (record.stream === undefined) return cancelledCall(record);
  return record.leaked === true || record.outcome.kind !== 'ok' || record.stream.error !== null;
}

export type LlmWaste = Required<Pick<LlmRow, 'wastedRequests' | 'wastedOutputTokens' | 'wastedInputTokens' | 'wastedInputUnknown'>>;

export function llmWaste(records: readonly RequestRecord[]): LlmWaste {
  const wasted = records.filter(isWasted);
  const known = wasted.filter((r) => typeof r.stream?.inputTokens === 'number');
  return {
    wastedRequests: wasted.length,
    wastedOutputTokens: wasted.reduce((sum, r) => sum + (r.stream?.outputTokens ?? 0), 0),
    // A sum of the prompts reported; null when no wasted answer reported its prompt (none known, not zero).
    wastedInputTokens: wasted.length > 0 && known.length === 0 ? null : known.reduce((sum, r) => sum + (r.stream?.inputTokens ?? 0), 0),
    wastedInputUnknown: wasted.length - known.length,
  };
}
