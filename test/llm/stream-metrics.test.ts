// Client-side stream metrics from fixed, timed SSE chunks: tokens counted in the content, not per chunk.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { streamMetrics } from '../../src/llm/metrics.ts';
import { parseSseEvents } from '../../src/llm/sse.ts';
import { tokenStream } from '../../src/llm/tokens.ts';

const chunk = (content: string, extra = ''): string =>
  `data: {"id":"c","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":${JSON.stringify(content)}},"finish_reason":${extra || 'null'}}]}\n\n`;

test('SSE events take the arrival time of the chunk that completes them, across split chunks and split UTF-8', () => {
  const bytes = Buffer.from('data: {"a":"é"}\n\n');
  const split = bytes.indexOf(0xa9); // inside the two bytes of é
  const events = parseSseEvents([
    { data: 'event: ping\nda', atMs: 1 },
    { data: 'ta: {}\n\n', atMs: 2 },
    { data: bytes.subarray(0, split), atMs: 3 },
    { data: bytes.subarray(split), atMs: 4 },
  ]);
  assert.deepEqual(events, [
    { event: 'ping', data: '{}', atMs: 2 },
    { event: null, data: '{"a":"é"}', atMs: 4 },
  ]);
});

test('OpenAI: tokens are counted per word piece, so one chunk with three words is three tokens', () => {
  const stream = tokenStream('openai', [
    { data: chunk('Hello'), atMs: 100 },
    { data: chunk(' big wide world'), atMs: 130 }, // three tokens in one chunk
    { data: chunk(' ag') + chunk('ain', '"stop"'), atMs: 150 }, // one word split over two chunks is one token
    { data: 'data: {"id":"c","choices":[],"usage":{"prompt_tokens":3,"completion_tokens":5,"total_tokens":8}}\n\ndata: [DONE]\n\n', atMs: 160 },
  ]);
  assert.deepEqual(stream.tokenTimesMs, [100, 130, 130, 130, 150]);
  assert.equal(stream.text, 'Hello big wide world again');
  assert.equal(stream.usageTokens, 5);
  assert.equal(stream.inputTokens, 3);
  assert.equal(stream.finishReason, 'stop');
  assert.equal(stream.complete, true);
  const m = streamMetrics(0, stream);
  assert.equal(m.ttftMs, 100);
  assert.equal(m.e2eMs, 150);
  assert.deepEqual(m.itlMs, [30, 0, 0, 20]);
  assert.equal(m.tpotMs, 12.5); // (150 − 100) / (5 − 1)
  assert.ok(Math.abs(m.outputTokensPerSec! - 5 / 0.15) < 1e-9);
});

test('usage wins over the counted tokens for rates, and the counted ones keep their times', () => {
  const stream = tokenStream('openai', [
    { data: chunk('Hello'), atMs: 10 },
    { data: chunk(' world'), atMs: 30 },
    { data: 'data: {"choices":[],"usage":{"completion_tokens":3}}\n\n', atMs: 31 },
  ]);
  assert.equal(stream.tokenTimesMs.length, 2);
  assert.equal(stream.outputTokens, 3);
  assert.equal(streamMetrics(0, stream).tpotMs, 10); // (30 − 10) / (3 − 1)
  assert.equal(stream.complete, false); // no [DONE]
});

test('Anthropic: text deltas are tokens; message_delta gives usage and stop reason; an error event is kept', () => {
  const ev = (name: string, data: object): string => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
  const stream = tokenStream('anthropic', [
    { data: ev('message_start', { type: 'message_start', message: { model: 'claude-haiku-4-5', usage: { input_tokens: 4, output_tokens: 1 } } }) + ev('ping', { type: 'ping' }), atMs: 5 },
    { data: ev('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Two words' } }), atMs: 40 },
    { data: ev('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: ' more.' } }), atMs: 55 },
    { data: ev('message_delta', { type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 3 } }) + ev('message_stop', { type: 'message_stop' }), atMs: 60 },
  ]);
  assert.deepEqual(stream.tokenTimesMs, [40, 40, 55]);
  assert.equal(stream.usageTokens, 3);
  // message_start's output_tokens (1) is a placeholder; its input_tokens and model are the answer's.
  assert.deepEqual([stream.inputTokens, stream.model], [4, 'claude-haiku-4-5']);
  assert.equal(stream.finishReason, 'end_turn');
  assert.equal(stream.complete, true);
  const failed = tokenStream('anthropic', [{ data: ev('error', { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }), atMs: 9 }]);
  assert.equal(failed.error, 'Overloaded');
  assert.deepEqual(streamMetrics(0, failed), { ttftMs: null, e2eMs: null, itlMs: [], tpotMs: null, outputTokens: 0, outputTokensPerSec: null });
});

test('an OpenAI error object inside the stream is reported, not counted', () => {
  const stream = tokenStream('openai', [
    { data: chunk('One two'), atMs: 10 },
    { data: 'data: {"error":{"message":"injected","type":"server_error"}}\n\n', atMs: 20 },
  ]);
  assert.equal(stream.error, 'injected');
  assert.equal(stream.tokenTimesMs.length, 2);
  // Cut before the usage chunk: the prompt's tokens are unknown, never guessed.
  assert.deepEqual([stream.inputTokens, stream.outputTokens, stream.model], [null, 2, null]);
});
