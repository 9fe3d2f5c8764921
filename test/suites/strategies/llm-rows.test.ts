// The built-in strategies over streamed chat completions on the simulated LLM API: each streamed answer's
// record gets `stream` metrics, each row an `llm` summary (shown in the LLM table), and its ideal comes
// from the served times; warm-up runs take nothing from the key's rate-limit bucket.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSlo } from '../../../src/llm/slo.ts';
import { parseFixture } from '../../../src/run/fixtures.ts';
import { runBench } from '../../../src/run/run-bench.ts';
import { reporters } from '../../../src/report/index.ts';
import type { UrlEntry } from '../../../src/bench/definition.ts';

// Deterministic answers: TTFT 20 ms, six tokens 2 ms apart, no jitter, tails or stalls.
const PARAMS = 'ttftOverheadMs=20,prefillMsPerToken=0,ttftSigma=0,tailProbability=0,itlMs=2,itlSigma=0,stallProbability=0,fixedOutputTokens=6';
const headers = { 'x-api-key': 'team-a', 'x-fanout-llm-params': PARAMS };
const messages = [{ role: 'user', content: 'Summarise the tool result.' }];
const openaiStream: UrlEntry = { path: '/v1/chat/completions', headers, body: { model: 'fast', messages, stream: true, stream_options: { include_usage: true } } };
const anthropicStream: UrlEntry = { path: '/v1/messages', headers: { ...headers, 'anthropic-version': '2023-06-01' }, body: { model: 'fast', max_tokens: 50, messages, stream: true } };
const notStreamed: UrlEntry = { path: '/v1/chat/completions', headers, body: { model: 'fast', messages } };

const common = { suites: ['strategies' as const], concurrency: null, client: 'undici' as const, timeScale: 1, timeoutMs: 5_000 };

test('strategy rows over streamed answers get stream records, an llm summary and an ideal from the served times', async () => {
  const fixture = parseFixture({ name: 'chat', urls: [openaiStream, openaiStream, anthropicStream, notStreamed, '/get'] }, 'test', 'chat');
  const report = await runBench({
    ...common,
    fixtures: [fixture],
    strategies: ['sequential', 'all'],
    iterations: 2,
    warmup: 1,
    suiteOptions: { strategies: { variantTimeoutMs: 60_000, prices: null, slo: { text: 'ttft:5000', slo: parseSlo('ttft:5000') } } },
  });
  assert.deepEqual(report.errors, []);
  assert.deepEqual(report.strategies.map((row) => row.name), ['sequential', 'all']);
  for (const row of report.strategies) {
    const llm = row.llm;
    assert.ok(llm, `${row.name} has an llm summary`);
    assert.equal(llm.streamed, 3 * 2, 'three streamed answers in each of two measured runs');
    assert.equal(llm.outputTokens, 3 * 2 * 6);
    assert.equal(llm.rateLimited, 0);
    assert.equal(llm.streamErrors, 0);
    assert.ok(llm.ttftMs.p50 >= 19, `TTFT p50 ${llm.ttftMs.p50} ms against 20 ms served`);
    assert.deepEqual(llm.goodput && [llm.goodput.good, llm.goodput.total], [6, 10], 'the streamed answers meet the SLO; the others cannot');
    const [first, second, anthropic, plain, get] = row.timeline;
    for (const record of [first, second, anthropic]) {
      assert.equal(record?.stream?.outputTokens, 6);
      assert.equal(record?.stream?.error, null);
      assert.ok((record?.chunks?.length ?? 0) > 0);
      assert.equal(record?.method, 'POST');
    }
    assert.equal(first?.stream?.finishReason, 'stop');
    assert.equal(anthropic?.stream?.finishReason, 'end_turn');
    assert.deepEqual([plain?.stream, plain?.chunks, plain?.method], [undefined, undefined, 'POST']);
    assert.deepEqual([get?.stream, get?.method], [undefined, undefined]);
    // Served time = queue + TTFT + decode: at least 20 + 5 × 2 ms per LLM answer.
    for (const record of [first, second, anthropic, plain]) assert.ok((record?.serverDelayMs ?? 0) >= 30, `served ${record?.serverDelayMs} ms`);
  }
  const [sequential, all] = report.strategies;
  const served = (row: typeof sequential) => row!.timeline.map((r) => r.serverDelayMs ?? 0);
  assert.equal(sequential!.idealMs, served(sequential).reduce((a, b) => a + b, 0));
  assert.equal(all!.idealMs, Math.max(...served(all)));
  const table = reporters.table.render(report);
  assert.match(table, /TTFT p50\/p99/);
  assert.match(table, /│ chat\s+│ sequential\s+│ 6\s+│/);
});

test('warm-up runs spend no quota: with 3 requests a minute for the key, the measured run meets exactly two 429s', async () => {
  const entries = Array.from({ length: 5 }, () => openaiStream);
  const fixture = { ...parseFixture({ name: 'quota', urls: entries }, 'test', 'quota'), server: { llm: { rpm: 3 } } };
  const report = await runBench({ ...common, fixtures: [fixture], strategies: ['all'], iterations: 1, warmup: 2 });
  assert.deepEqual(report.errors, []);
  const [row] = report.strategies;
  assert.equal(row?.llm?.rateLimited, 2, 'two warm-ups of five requests each would have emptied the bucket: five 429s');
  assert.equal(row?.llm?.streamed, 3);
  const limited = row!.timeline.filter((r) => r.status === 429);
  assert.equal(limited.length, 2);
  // A 429 serves no delay: the ideal of `all` is the longest answer that was served.
  assert.ok(limited.every((r) => r.serverDelayMs === undefined && r.stream === undefined));
  assert.equal(row?.idealMs, Math.max(...row!.timeline.map((r) => r.serverDelayMs ?? 0)));
});

test('an error event inside a stream is a stream error; a stream cut mid-answer is a network error without stream metrics', async () => {
  const faulty = (fault: string): UrlEntry => ({ ...(openaiStream as Exclude<UrlEntry, string>), headers: { ...headers, 'x-fanout-llm-fault': fault } });
  const fixture = parseFixture({ name: 'faults', urls: [faulty('error@2'), faulty('disconnect@2'), openaiStream] }, 'test', 'faults');
  const report = await runBench({ ...common, fixtures: [fixture], strategies: ['all'], iterations: 1, warmup: 0 });
  assert.deepEqual(report.errors, []);
  const [row] = report.strategies;
  const [errored, cut, fine] = row!.timeline;
  assert.match(errored?.stream?.error ?? '', /injected error after 2 tokens/);
  assert.equal(errored?.stream?.outputTokens, 2);
  assert.deepEqual([cut?.outcome.kind, cut?.stream], ['network-error', undefined]);
  assert.equal(fine?.stream?.error, null);
  assert.deepEqual([row?.llm?.streamed, row?.llm?.streamErrors], [2, 1]);
});
