// Request records of streamed LLM answers, for the cost and waste tests.
import type { RequestRecord } from '../../src/model/records.ts';

/** A finished streamed answer with the usage it reported. */
export function answer(index: number, model: string | null, inputTokens: number | null, outputTokens: number, extra: Partial<RequestRecord> = {}): RequestRecord {
  return {
    index,
    url: 'http://127.0.0.1:1/v1/chat/completions',
    queuedMs: 0,
    startMs: 0,
    endMs: 100,
    outcome: { kind: 'ok' },
    status: 200,
    bytes: 10,
    stream: { ttftMs: 10, e2eMs: 100, tpotMs: 1, outputTokens, outputTokensPerSec: 10, finishReason: 'stop', error: null, outputTokensFrom: 'usage', inputTokens, model },
    ...extra,
  };
}
