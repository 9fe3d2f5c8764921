// The official openai and @anthropic-ai/sdk clients against the simulated LLM API on a local server:
// answers, streams, usage, retries honouring retry-after-ms, error classes, stream faults, seeding and load.
import Anthropic from '@anthropic-ai/sdk';
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import OpenAI from 'openai';
import { startDelayServer, type DelayServer, type DelayServerOptions } from '../../../src/server/index.ts';

const servers: DelayServer[] = [];
async function serve(options: DelayServerOptions): Promise<DelayServer> {
  const server = await startDelayServer({ seed: 11, ...options });
  servers.push(server);
  return server;
}
after(() => Promise.all(servers.map((s) => s.close())));

/** Latencies a thousandth of the presets': the whole file runs in seconds. */
let fast: DelayServer;
before(async () => (fast = await serve({ timeScale: 0.001 })));

const openai = (server: DelayServer, options: Partial<ConstructorParameters<typeof OpenAI>[0]> = {}) =>
  new OpenAI({ apiKey: 'sk-test', baseURL: `${server.url}/v1`, maxRetries: 0, ...options });
const anthropic = (server: DelayServer, options: Partial<ConstructorParameters<typeof Anthropic>[0]> = {}) =>
  new Anthropic({ apiKey: 'sk-ant-test', baseURL: server.url, maxRetries: 0, ...options });
const user = [{ role: 'user' as const, content: 'Say something about latency.' }];
const words = (text: string): number => text.split(/\s+/).filter((w) => w !== '').length;

test('openai: a plain chat.completion with usage whose token count matches the text', async () => {
  const completion = await openai(fast).chat.completions.create({ model: 'gpt-4o-mini', messages: user, max_tokens: 50 });
  assert.equal(completion.object, 'chat.completion');
  const choice = completion.choices[0]!;
  assert.equal(choice.message.role, 'assistant');
  assert.ok(['stop', 'length'].includes(choice.finish_reason));
  assert.equal(completion.usage?.completion_tokens, words(choice.message.content ?? ''));
  assert.equal(completion.usage?.prompt_tokens, Math.ceil(user[0]!.content.length / 4));
  assert.equal(completion.usage?.total_tokens, completion.usage!.prompt_tokens + completion.usage!.completion_tokens);
  const list = await openai(fast).models.list();
  assert.ok(list.data.some((m) => m.id === 'reasoning'));
});

test('openai: a stream of chat.completion.chunk with the usage chunk last; max_tokens gives finish_reason length', async () => {
  const stream = await openai(fast).chat.completions.create({ model: 'fast', messages: user, max_tokens: 7, stream: true, stream_options: { include_usage: true } });
  let text = '';
  let finish: string | null = null;
  let usage: OpenAI.CompletionUsage | null | undefined = null;
  let afterUsage = 0;
  for await (const chunk of stream) {
    assert.equal(chunk.object, 'chat.completion.chunk');
    if (usage) afterUsage += 1;
    text += chunk.choices[0]?.delta.content ?? '';
    finish = chunk.choices[0]?.finish_reason ?? finish;
    if (chunk.usage) {
      assert.deepEqual(chunk.choices, []);
      usage = chunk.usage;
    }
  }
  assert.equal(afterUsage, 0);
  // With a median answer of 120 tokens, 7 is nearly always the cap; either way the counts agree.
  assert.equal(usage?.completion_tokens, words(text));
  assert.equal(finish === 'length', words(text) === 7);
});

test('same request id, same seed: the same text and the same served TTFT and decode times', async () => {
  const ask = async (id: string) => {
    const { data, response } = await openai(fast)
      .chat.completions.create({ model: 'chat', messages: user, max_tokens: 30 }, { headers: { 'x-fanout-request-id': id } })
      .withResponse();
    const timing = response.headers.get('server-timing') ?? '';
    return { text: data.choices[0]?.message.content, ttft: /ttft;dur=([\d.]+)/.exec(timing)?.[1], decode: /decode;dur=([\d.]+)/.exec(timing)?.[1] };
  };
  const first = await ask('run:1.0');
  assert.ok(first.ttft !== undefined && first.decode !== undefined);
  assert.deepEqual(await ask('run:1.0'), first);
  assert.notEqual((await ask('run:2.0')).text, first.text);
});

test('openai: a 429 is retried after retry-after-ms, and the retry says so in x-stainless-retry-count', async () => {
  // One request per minute; at time scale 0.03 the minute lasts 1.8 s, far longer than the SDK's own
  // first backoff (at most 0.5 s), so waiting out retry-after-ms is what the SDK must have done.
  const server = await serve({ timeScale: 0.03, llm: { rpm: 1 } });
  const tries: Array<{ atMs: number; retryCount: string | null; status: number; retryAfterMs: string | null }> = [];
  const recording: typeof fetch = async (input, init) => {
    const headers = new Headers(init?.headers);
    const response = await fetch(input, init);
    tries.push({ atMs: performance.now(), retryCount: headers.get('x-stainless-retry-count'), status: response.status, retryAfterMs: response.headers.get('retry-after-ms') });
    return response;
  };
  const client = openai(server, { maxRetries: 2, fetch: recording });
  await client.chat.completions.create({ model: 'fast', messages: user, max_tokens: 2 });
  const second = await client.chat.completions.create({ model: 'fast', messages: user, max_tokens: 2 });
  assert.ok(second.choices[0]?.message.content);
  assert.deepEqual(tries.map((t) => [t.status, t.retryCount]), [[200, '0'], [429, '0'], [200, '1']]);
  const waitMs = Number(tries[1]!.retryAfterMs);
  assert.ok(waitMs > 600 && waitMs <= 1800, `retry-after-ms ${waitMs}`);
  const retriedAfterMs = tries[2]!.atMs - tries[1]!.atMs;
  assert.ok(retriedAfterMs >= waitMs - 20, `retried after ${retriedAfterMs} ms, asked ${waitMs}`);
});

test('openai error classes see the status, type, param and code of 400 and 429', async () => {
  const client = openai(fast);
  const refused = async (body: Record<string, unknown>): Promise<InstanceType<typeof OpenAI.APIError>> => {
    try {
      await client.chat.completions.create(body as never);
    } catch (error) {
      assert.ok(error instanceof OpenAI.APIError, String(error));
      return error;
    }
    assert.fail('expected an error');
  };
  const tooMany = await refused({ model: 'fast', messages: user, max_tokens: 100_000 });
  assert.ok(tooMany instanceof OpenAI.BadRequestError);
  assert.deepEqual([tooMany.status, tooMany.type, tooMany.param], [400, 'invalid_request_error', 'max_tokens']);
  const n = await refused({ model: 'fast', messages: user, n: 2 });
  assert.deepEqual([n.status, n.param], [400, 'n']);
  const tools = await refused({ model: 'fast', messages: user, tools: [{ type: 'function', function: { name: 'f' } }] });
  assert.deepEqual([tools.status, tools.param], [400, 'tools']);
  const none = await refused({ model: 'fast', messages: [] });
  assert.deepEqual([none.status, none.param], [400, 'messages']);
  const limited = await serve({ timeScale: 0.001, llm: { tpm: 100 } });
  try {
    await openai(limited).chat.completions.create({ model: 'fast', messages: user, max_tokens: 500 });
    assert.fail('expected a 429');
  } catch (error) {
    assert.ok(error instanceof OpenAI.RateLimitError, String(error));
    assert.deepEqual([error.status, error.code, error.type], [429, 'rate_limit_exceeded', 'tokens']);
    assert.match(error.message, /tokens per min \(TPM\): Limit 100/);
  }
});

test('anthropic: a message, and a stream whose events come in order with usage matching the text', async () => {
  const client = anthropic(fast);
  const message = await client.messages.create({ model: 'claude-haiku-4-5', max_tokens: 40, messages: user });
  assert.equal(message.type, 'message');
  const block = message.content[0];
  assert.ok(block?.type === 'text');
  assert.equal(message.usage.output_tokens, words(block.text));
  assert.ok(message.stop_reason === 'end_turn' || message.stop_reason === 'max_tokens');

  const events: string[] = [];
  let text = '';
  let outputTokens = -1;
  for await (const event of await client.messages.create({ model: 'fast', max_tokens: 12, messages: user, stream: true })) {
    events.push(event.type);
    if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') text += event.delta.text;
    if (event.type === 'message_delta') outputTokens = event.usage.output_tokens;
  }
  const deltas = events.filter((e) => e === 'content_block_delta').length;
  assert.deepEqual(events, ['message_start', 'content_block_start', ...Array<string>(deltas).fill('content_block_delta'), 'content_block_stop', 'message_delta', 'message_stop']);
  assert.equal(outputTokens, words(text));
  assert.equal(deltas, outputTokens);
  const final = await client.messages.stream({ model: 'fast', max_tokens: 12, messages: user }).finalMessage();
  assert.equal(final.usage.output_tokens, words(final.content[0]?.type === 'text' ? final.content[0].text : ''));
});

test('anthropic error classes: 400 invalid_request_error, 429 rate_limit_error, 529 overloaded_error', async () => {
  const refused = async (client: Anthropic, body: Record<string, unknown>): Promise<InstanceType<typeof Anthropic.APIError>> => {
    try {
      await client.messages.create(body as never);
    } catch (error) {
      assert.ok(error instanceof Anthropic.APIError, String(error));
      return error;
    }
    assert.fail('expected an error');
  };
  const bad = await refused(anthropic(fast), { model: 'fast', max_tokens: 0, messages: user });
  assert.ok(bad instanceof Anthropic.BadRequestError);
  assert.deepEqual([bad.status, bad.type], [400, 'invalid_request_error']);
  const wrongType = await refused(anthropic(fast), { model: 'fast', max_tokens: 'ten', messages: user });
  assert.deepEqual([wrongType.status, wrongType.type], [400, 'invalid_request_error']);

  // A minute of 3 s at this scale: the second call comes well within it, however slow the machine.
  const limited = await serve({ timeScale: 0.05, llm: { rpm: 1 } });
  await anthropic(limited).messages.create({ model: 'fast', max_tokens: 2, messages: user });
  const rate = await refused(anthropic(limited), { model: 'fast', max_tokens: 2, messages: user });
  assert.ok(rate instanceof Anthropic.RateLimitError);
  assert.equal(rate.type, 'rate_limit_error');
  assert.equal(rate.headers?.get('anthropic-ratelimit-requests-limit'), '1');
  assert.match(rate.headers?.get('anthropic-ratelimit-requests-reset') ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

  // One slot and no queue on the model: while a slow request holds it, the next is refused with 529.
  const busy = await serve({ timeScale: 0.01, llm: { presets: { fast: { batchCapacity: 1, maxQueue: 0, ttftOverheadMs: 20_000, ttftSigma: 0, tailProbability: 0 } } } });
  const holder = new AbortController();
  const slow = anthropic(busy).messages.create({ model: 'fast', max_tokens: 2, messages: user }, { signal: holder.signal }).catch(() => 'aborted');
  await new Promise((resolve) => setTimeout(resolve, 50));
  const overloaded = await refused(anthropic(busy), { model: 'fast', max_tokens: 2, messages: user });
  holder.abort();
  assert.equal(await slow, 'aborted');
  assert.deepEqual([overloaded.status, overloaded.type], [529, 'overloaded_error']);
});

test('stream faults: an error event after 3 tokens, a disconnect after 2, a stall of the asked length', async () => {
  const client = openai(fast);
  const collect = async (fault: string): Promise<{ tokens: number; error: unknown; gapsMs: number[] }> => {
    let tokens = 0;
    const times: number[] = [];
    try {
      const stream = await client.chat.completions.create(
        { model: 'fast', messages: user, max_tokens: 20, stream: true },
        { headers: { 'x-fanout-llm-fault': fault, 'x-fanout-llm-params': 'fixedOutputTokens=10' } },
      );
      for await (const chunk of stream) {
        if (chunk.choices[0]?.delta.content) {
          tokens += 1;
          times.push(performance.now());
        }
      }
      return { tokens, error: null, gapsMs: times.slice(1).map((t, i) => t - times[i]!) };
    } catch (error) {
      return { tokens, error, gapsMs: [] };
    }
  };
  const errored = await collect('error@3');
  assert.equal(errored.tokens, 3);
  assert.ok(errored.error instanceof OpenAI.APIError && /injected error after 3 tokens/.test(errored.error.message), String(errored.error));
  const cut = await collect('disconnect@2');
  assert.equal(cut.tokens, 2);
  assert.ok(cut.error instanceof Error, 'a cut stream fails the iteration');
  // stall@4:200000 at time scale 0.001: 200 ms after the 4th token.
  const stalled = await collect('stall@4:200000');
  assert.equal(stalled.error, null);
  assert.equal(stalled.tokens, 10);
  assert.ok(stalled.gapsMs[3]! >= 150, `gap after token 4: ${stalled.gapsMs[3]} ms`);
  const bad = await fetch(`${fast.url}/v1/chat/completions`, { method: 'POST', headers: { 'x-fanout-llm-fault': 'explode' }, body: JSON.stringify({ model: 'x', messages: user }) });
  assert.equal(bad.status, 400);
  assert.match(((await bad.json()) as { error: { message: string } }).error.message, /x-fanout-llm-fault: expected/);
});

test('load makes TTFT grow: 8 concurrent calls on a batch of 4 wait longer for their first token than 1 call', async () => {
  const server = await serve({
    timeScale: 1,
    llm: { presets: { chat: { batchCapacity: 4, loadSlowdown: 2, ttftOverheadMs: 100, prefillMsPerToken: 0, ttftSigma: 0, tailProbability: 0, itlMs: 5, itlSigma: 0, stallProbability: 0, fixedOutputTokens: 10 } } },
  });
  const client = openai(server);
  const call = async (): Promise<{ clientMs: number; servedMs: number }> => {
    const startMs = performance.now();
    const { data: stream, response } = await client.chat.completions.create({ model: 'chat', messages: user, max_tokens: 50, stream: true }).withResponse();
    let clientMs = Number.NaN;
    for await (const chunk of stream) if (Number.isNaN(clientMs) && chunk.choices[0]?.delta.content) clientMs = performance.now() - startMs;
    const timing = response.headers.get('server-timing') ?? '';
    const served = (name: string): number => Number(new RegExp(`${name};dur=([\\d.]+)`).exec(timing)?.[1]);
    // initial_delay, what the harness's ideal reads, is everything the server held the request: queue included.
    assert.ok(Math.abs(served('initial_delay') - (served('queue') + served('ttft') + served('decode'))) < 0.02, timing);
    return { clientMs, servedMs: served('queue') + served('ttft') };
  };
  const alone = await call();
  const crowd = await Promise.all(Array.from({ length: 8 }, call));
  const median = (values: number[]): number => {
    const sorted = [...values].sort((a, b) => a - b);
    return (sorted[3]! + sorted[4]!) / 2;
  };
  // Alone: 100 ms served. In the crowd, four share the batch (up to 3× slower) and four queue behind them.
  assert.ok(alone.servedMs >= 100 && alone.servedMs < 110, `alone served ${alone.servedMs} ms`);
  assert.ok(median(crowd.map((c) => c.servedMs)) > 1.8 * alone.servedMs, `served: ${crowd.map((c) => Math.round(c.servedMs)).join(', ')}`);
  assert.ok(median(crowd.map((c) => c.clientMs)) > 1.5 * alone.clientMs, `client: ${crowd.map((c) => Math.round(c.clientMs)).join(', ')} vs ${alone.clientMs}`);
});

test('warm-up requests answer at once and spend no quota', async () => {
  const server = await serve({ timeScale: 1, llm: { rpm: 1 } });
  const client = openai(server);
  const startMs = performance.now();
  for (let i = 0; i < 3; i++) {
    const { response } = await client.chat.completions.create({ model: 'reasoning', messages: user, max_tokens: 5 }, { headers: { 'x-fanout-warmup': '1' } }).withResponse();
    assert.match(response.headers.get('server-timing') ?? '', /skipped for warm-up/);
  }
  assert.ok(performance.now() - startMs < 1000, 'the reasoning preset waits seconds; a warm-up none');
  const { response } = await client.chat.completions.create({ model: 'fast', messages: user, max_tokens: 1 }).withResponse();
  assert.equal(response.headers.get('x-ratelimit-remaining-requests'), '0');
});

test('bad requests get 400 in each provider\'s error shape, never a 500', async () => {
  const post = async (path: string, body: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${fast.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const openAiCases = ['not json', '', '[]', '{"model":"x"}', '{"model":"x","messages":"hi"}', '{"model":7,"messages":[{"role":"user","content":"a"}]}',
    '{"model":"x","messages":[{"role":"user","content":"a"}],"max_tokens":-3}', '{"model":"x","messages":[{"role":"user","content":"a"}],"stream":"yes"}'];
  for (const body of openAiCases) {
    const res = await post('/v1/chat/completions', body);
    assert.equal(res.status, 400, body);
    const error = res.body.error as Record<string, unknown>;
    assert.deepEqual(Object.keys(error).sort(), ['code', 'message', 'param', 'type'], body);
    assert.equal(error.type, 'invalid_request_error');
  }
  for (const body of ['{', '{"model":"x","messages":[{"role":"user","content":"a"}]}', '{"model":"x","max_tokens":5,"messages":[{"role":"system","content":"a"}]}']) {
    const res = await post('/v1/messages', body);
    assert.equal(res.status, 400, body);
    assert.equal(res.body.type, 'error');
    assert.equal((res.body.error as Record<string, unknown>).type, 'invalid_request_error');
    assert.match(String(res.body.request_id), /^req_/);
  }
  const params = await post('/v1/chat/completions', '{"model":"x","messages":[{"role":"user","content":"a"}]}', { 'x-fanout-llm-params': 'itlMs=-1' });
  assert.equal(params.status, 400);
  const big = await fetch(`${fast.url}/v1/messages`, { method: 'POST', body: 'x'.repeat(2 * 1024 * 1024) });
  assert.equal(big.status, 413);
  assert.equal(((await big.json()) as { error: { type: string } }).error.type, 'request_too_large');
});
