// A row's streamed answers summarised: distributions, 429s, goodput against SLOs, slowest of N.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { llmRow, measureStream } from '../../src/bench/llm-row.ts';
import type { RequestRecord } from '../../src/model/records.ts';

const sse = (objects: unknown[]): string => objects.map((o) => `data: ${JSON.stringify(o)}\n\n`).join('') + 'data: [DONE]\n\n';
const chunk = (content: string): unknown => ({ object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content }, finish_reason: null }] });

/** A streamed answer sent at `startMs` whose tokens arrive at `tokenMs` (one token per chunk). */
function streamed(index: number, startMs: number, tokenMs: number[]): RequestRecord {
  const record: RequestRecord = { index, url: 'http://127.0.0.1:1/v1/chat/completions', queuedMs: 0, startMs, endMs: tokenMs.at(-1)!, outcome: { kind: 'ok' }, status: 200, bytes: 0 };
  const chunks = tokenMs.map((atMs, i) => ({ atMs, bytes: 10, text: sse([chunk(i === 0 ? 'word' : ' word')]).replace(i === tokenMs.length - 1 ? '' : 'data: [DONE]\n\n', '') }));
  const measured = measureStream(record, chunks);
  assert.ok(measured);
  record.stream = measured.stream;
  return record;
}

test('a streamed answer: TTFT, E2E and TPOT from token arrivals, tokens counted in the content', () => {
  const record = streamed(0, 0, [100, 110, 130]);
  assert.deepEqual(
    [record.stream?.ttftMs, record.stream?.e2eMs, record.stream?.tpotMs, record.stream?.outputTokens, record.stream?.error],
    [100, 130, 15, 3, null],
  );
  // No usage chunk in this stream: output counted in the content, input unknown, no model named.
  assert.deepEqual([record.stream?.outputTokensFrom, record.stream?.inputTokens, record.stream?.model], ['content', null, null]);
  assert.equal(measureStream(record, [{ atMs: 1, bytes: 3 }]), null, 'no text, no stream measurement');
});

test('the row: quantiles, 429s, goodput against the SLOs, and the slowest of N', () => {
  const limited: RequestRecord = { index: 2, url: 'http://127.0.0.1:1/v1/chat/completions', queuedMs: 0, startMs: 0, endMs: 3, outcome: { kind: 'http-error', status: 429 }, status: 429, bytes: 0 };
  const runs = [
    { records: [streamed(0, 0, [100, 110]), streamed(1, 0, [300, 320]), limited], itlMs: [10, 20] },
    { records: [streamed(0, 0, [120, 140]), streamed(1, 0, [200, 210]), limited], itlMs: [20, 10] },
  ];
  const row = llmRow(runs, 1000, { text: 'ttft:250', slo: { ttftMs: 250 } });
  assert.ok(row);
  assert.equal(row.streamed, 4);
  assert.equal(row.rateLimited, 2);
  assert.equal(row.outputTokens, 8);
  assert.equal(row.ttftMs.p50, 160);
  // Good: streamed ok answers with TTFT ≤ 250 → 3 of 6 requests (the 429s are never good).
  assert.deepEqual([row.goodput?.good, row.goodput?.total, row.goodput?.goodPerSec], [3, 6, 3]);
  assert.equal(row.slowestOfN?.n, 2);
  // Measured slowest E2E per run: 320 and 210 → p50 265.
  assert.equal(row.slowestOfN?.e2e.p50.measuredMs, 265);
  assert.equal(llmRow([{ records: [limited], itlMs: [] }], 10, null), null);
});
