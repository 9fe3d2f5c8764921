// Streamed LLM answers in a row's records, measured on the client: each answer's TTFT, inter-token
// gaps, TPOT, E2E and tokens/s from its chunks' text (tokens counted in the content), then the row's
// distributions, 429s and overloads, goodput against the SLOs and the slowest of N, predicted and measured.
import { goodput, predictedMaxQuantile, streamMetrics, tokenStream, type Slo, type StreamFormat, type StreamMetrics } from '../llm/index.ts';
import type { LlmRow, RequestRecord } from '../model/records.ts';
import { quantile } from '../stats/percentile.ts';
import type { PriceTable } from '../model/prices.ts';
import { llmCost } from './llm-cost.ts';
import { llmWaste } from './llm-waste.ts';

/** A recorded chunk, with its text where the answer was streamed. */
export interface TextChunk {
  atMs: number;
  bytes: number;
  text?: string | undefined;
}

const formatOf = (url: string): StreamFormat => (new URL(url).pathname.endsWith('/messages') ? 'anthropic' : 'openai');

/** The stream measurements of one request, when it was a streamed answer whose text was seen. With
 *  `eventStream`, an answer cancelled or cut before its first chunk is one too: begun, no tokens. */
export function measureStream(record: RequestRecord, chunks: readonly TextChunk[] | undefined, eventStream = false): { stream: NonNullable<RequestRecord['stream']>; itlMs: number[] } | null {
  if (!chunks || (chunks.length === 0 && !eventStream) || chunks.some((chunk) => chunk.text === undefined)) return null;
  const tokens = tokenStream(formatOf(record.url), chunks.map((chunk) => ({ data: chunk.text ?? '', atMs: chunk.atMs })));
  const metrics: StreamMetrics = streamMetrics(record.startMs, tokens);
  return {
    stream: {
      ttftMs: metrics.ttftMs,
      e2eMs: metrics.e2eMs,
      tpotMs: metrics.tpotMs,
      outputTokens: metrics.outputTokens,
      outputTokensPerSec: metrics.outputTokensPerSec,
      finishReason: tokens.finishReason,
      error: tokens.error ?? (tokens.complete ? null : 'the stream ended before its last event'),
      // Token usage and model, as the answer states them (never invented: null when it did not say).
      outputTokensFrom: tokens.usageTokens === null ? 'content' : 'usage',
      inputTokens: tokens.inputTokens,
      model: tokens.model,
    },
    itlMs: metrics.itlMs,
  };
}

export interface MeasuredRunRecords {
  records: readonly RequestRecord[];
  /** Per-token gaps of the run's streamed answers. */
  itlMs: readonly number[];
}

const q = (values: readonly number[]): { p50: number; p99: number } => ({ p50: quantile(values, 0.5), p99: quantile(values, 0.99) });
const finite = (values: readonly (number | null | undefined)[]): number[] => values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));

/** The row's LLM summary, or null when no run streamed an answer. `sloText` is the --slo as given;
 *  with `prices` the row gets its cost. */
export function llmRow(runs: readonly MeasuredRunRecords[], wallMsTotal: number, slo: { text: string; slo: Slo } | null, prices?: PriceTable | null): LlmRow | null {
  const records = runs.flatMap((run) => run.records);
  const streamed = records.filter((r) => r.stream !== undefined);
  if (streamed.length === 0) return null;
  const metricsOf = (r: RequestRecord): StreamMetrics => ({
    ttftMs: r.stream?.ttftMs ?? null,
    e2eMs: r.stream?.e2eMs ?? null,
    itlMs: [],
    tpotMs: r.stream?.tpotMs ?? null,
    outputTokens: r.stream?.outputTokens ?? 0,
    outputTokensPerSec: r.stream?.outputTokensPerSec ?? null,
  });
  const row: LlmRow = {
    streamed: streamed.length,
    ttftMs: q(finite(streamed.map((r) => r.stream?.ttftMs))),
    itlMs: q(runs.flatMap((run) => run.itlMs)),
    tpotMs: q(finite(streamed.map((r) => r.stream?.tpotMs))),
    e2eMs: q(finite(streamed.map((r) => r.stream?.e2eMs))),
    outputTokensPerSec: quantile(finite(streamed.map((r) => r.stream?.outputTokensPerSec)), 0.5),
    outputTokens: streamed.reduce((sum, r) => sum + (r.stream?.outputTokens ?? 0), 0),
    rateLimited: records.filter((r) => r.status === 429).length,
    overloaded: records.filter((r) => r.status === 529 || r.status === 503).length,
    streamErrors: streamed.filter((r) => r.stream?.error !== null).length,
    ...llmWaste(records),
  };
  if (slo) {
    // Every request of the row counts: a 429 or a cut stream is never good.
    const requests = records.map((r) => ({ ok: r.outcome.kind === 'ok' && r.stream !== undefined && r.stream.error === null, metrics: metricsOf(r) }));
    const result = goodput(requests, slo.slo, wallMsTotal);
    row.goodput = { slo: slo.text, good: result.good, total: result.total, goodShare: result.goodShare, goodPerSec: result.goodPerSec };
  }
  const perRun = runs.map((run) => run.records.filter((r) => r.stream !== undefined));
  const n = Math.round(quantile(perRun.map((list) => list.length), 0.5));
  if (n >= 2 && perRun.every((list) => list.length === n)) {
    const side = (pick: (r: RequestRecord) => number | null | undefined): NonNullable<LlmRow['slowestOfN']>['e2e'] => {
      const single = finite(streamed.map(pick));
      const slowest = perRun.map((list) => Math.max(...finite(list.map(pick))));
      return {
        p50: { predictedMs: predictedMaxQuantile(single, 0.5, n), measuredMs: quantile(slowest, 0.5) },
        p99: { predictedMs: predictedMaxQuantile(single, 0.99, n), measuredMs: quantile(slowest, 0.99) },
      };
    };
    row.slowestOfN = { n, runs: perRun.length, e2e: side((r) => r.stream?.e2eMs), ttft: side((r) => r.stream?.ttftMs) };
  }
  if (prices) row.cost = llmCost(runs, prices);
  return row;
}
