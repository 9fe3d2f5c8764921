// Tokens paid for and not used: a streamed answer the code did not take whole — cancelled (a hedge's
// loser, an abort, a timeout), cut or ended by an error event (whether retried or not), or leaked (still
// streaming when the code moved on). What arrived of it counts: its output tokens (counted in the
// content when the stream was cut before its usage) and its prompt tokens where the stream reported them.
import type { LlmRow, RequestRecord } from '../model/records.ts';

/** True when the record is a streamed answer whose tokens were generated and not used. */
export function isWasted(record: RequestRecord): boolean {
  if (record.stream === undefined) return false;
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
