// The pure stream metrics over real streams from the simulated LLM API: counted tokens match usage,
// TTFT is no less than the TTFT the server says it served, and TPOT follows the asked inter-token latency.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { streamMetrics } from '../../src/llm/metrics.ts';
import type { TimedChunk } from '../../src/llm/sse.ts';
import { tokenStream, type StreamFormat } from '../../src/llm/tokens.ts';
import { startDelayServer, type DelayServer } from '../../src/server/index.ts';

let server: DelayServer;
before(async () => (server = await startDelayServer({ timeScale: 1, seed: 4 })));
after(() => server.close());

async function streamed(format: StreamFormat, params: string) {
  const path = format === 'openai' ? '/v1/chat/completions' : '/v1/messages';
  const body = { model: 'fast', max_tokens: 40, stream: true, messages: [{ role: 'user', content: 'Count to forty.' }], ...(format === 'openai' ? { stream_options: { include_usage: true } } : {}) };
  const sendMs = performance.now();
  const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-fanout-llm-params': params }, body: JSON.stringify(body) });
  const chunks: TimedChunk[] = [];
  for await (const data of res.body as AsyncIterable<Uint8Array>) chunks.push({ data, atMs: performance.now() });
  const servedTtftMs = Number(/ttft;dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '')?.[1]);
  const stream = tokenStream(format, chunks);
  return { stream, metrics: streamMetrics(sendMs, stream), servedTtftMs };
}

for (const format of ['openai', 'anthropic'] as const) {
  test(`${format}: tokens counted in the stream equal usage; TTFT ≥ served TTFT; TPOT near the asked ITL`, async () => {
    const { stream, metrics, servedTtftMs } = await streamed(format, 'fixedOutputTokens=30,itlMs=10,itlSigma=0,stallProbability=0,ttftOverheadMs=40,ttftSigma=0,tailProbability=0');
    assert.equal(stream.complete, true);
    assert.equal(stream.error, null);
    assert.equal(stream.tokenTimesMs.length, 30);
    assert.equal(stream.usageTokens, 30);
    // The prompt's tokens and the model, as the answer states them (include_usage for OpenAI).
    assert.ok(stream.inputTokens !== null && stream.inputTokens > 0, `input tokens ${stream.inputTokens}`);
    assert.equal(stream.model, 'fast');
    assert.ok(servedTtftMs >= 40, `served ${servedTtftMs}`);
    assert.ok(metrics.ttftMs! >= servedTtftMs - 1, `client TTFT ${metrics.ttftMs} < served ${servedTtftMs}`);
    // 29 gaps of 10 ms after the served TTFT: the server keeps to that schedule or runs late, never early,
    // so the last token cannot arrive sooner; on a busy machine TPOT stays within a few times the asked ITL.
    assert.ok(metrics.e2eMs! >= servedTtftMs + 290 - 1, `E2E ${metrics.e2eMs} ms, served TTFT ${servedTtftMs} + 290`);
    assert.ok(metrics.tpotMs! > 0 && metrics.tpotMs! < 40, `TPOT ${metrics.tpotMs}`);
    assert.equal(metrics.itlMs.length, 29);
  });
}

test('a stream cut by an injected error: the tokens before it are counted and the error reported', async () => {
  const { stream } = await streamed('anthropic', 'fixedOutputTokens=30,itlMs=1');
  assert.equal(stream.error, null);
  const res = await fetch(`${server.url}/v1/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-fanout-llm-fault': 'error@5', 'x-fanout-llm-params': 'fixedOutputTokens=30,itlMs=1,ttftOverheadMs=1' },
    body: JSON.stringify({ model: 'fast', max_tokens: 40, stream: true, messages: [{ role: 'user', content: 'hi' }] }),
  });
  const cut = tokenStream('anthropic', [{ data: await res.text(), atMs: 1 }]);
  assert.equal(res.headers.get('x-fanout-fault'), 'llm-error');
  assert.equal(cut.tokenTimesMs.length, 5);
  assert.match(cut.error ?? '', /injected error after 5 tokens/);
  assert.equal(cut.complete, false);
});

test('OpenAI without include_usage: the prompt tokens stay unknown (null) and the output tokens are counted', async () => {
  const res = await fetch(`${server.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-fanout-llm-params': 'fixedOutputTokens=7,itlMs=1,ttftOverheadMs=1' },
    body: JSON.stringify({ model: 'gpt-4o-mini', max_tokens: 40, stream: true, messages: [{ role: 'user', content: 'hi' }] }),
  });
  const stream = tokenStream('openai', [{ data: await res.text(), atMs: 1 }]);
  assert.equal(stream.complete, true);
  assert.deepEqual([stream.inputTokens, stream.usageTokens, stream.outputTokens, stream.model], [null, null, 7, 'gpt-4o-mini']);
});
