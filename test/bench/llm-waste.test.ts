// Waste: streamed answers paid for and not used. Pure counting over records, then against the real
// server through the recorder: a hedge's loser cancelled mid-stream, a stream cut by a seeded fault
// and retried, and one ended by an error event, each counted with the tokens that had arrived.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { llmWaste } from '../../src/bench/llm-waste.ts';
import { runVariantRow, type VariantRowOptions } from '../../src/bench/variant-row.ts';
import { hedged } from '../../src/fanout/hedged.ts';
import type { RequestRecord } from '../../src/model/records.ts';
import { createRecorder } from '../../src/record/index.ts';
import { startDelayServer, type DelayServer } from '../../src/server/index.ts';
import { answer } from './answers.ts';

test('counted: cancelled, cut or errored, and leaked answers; an answer used whole and a 429 are not', () => {
  const cut = (r: RequestRecord): RequestRecord => ({ ...r, stream: { ...r.stream!, error: 'the stream ended before its last event', outputTokensFrom: 'content' } });
  const unanswered: RequestRecord = { index: 5, url: 'http://127.0.0.1:1/v1/messages', method: 'POST', queuedMs: 0, startMs: 0, endMs: 9, outcome: { kind: 'network-error', code: '20', message: 'This operation was aborted' }, bytes: 0 };
  const records: RequestRecord[] = [
    answer(0, 'm', 100, 50),
    cut({ ...answer(1, 'm', null, 7), outcome: { kind: 'network-error', code: 'AbortError', message: 'aborted' } }), // a hedge's loser
    cut(answer(2, 'm', 20, 3)), // an error event, the HTTP answer itself ended fine
    cut({ ...answer(3, 'm', 30, 4), leaked: true, outcome: { kind: 'network-error', code: 'LEAKED', message: 'in flight' } }),
    { index: 4, url: 'http://127.0.0.1:1/v1/chat/completions', queuedMs: 0, startMs: 0, endMs: 1, outcome: { kind: 'http-error', status: 429 }, status: 429, bytes: 0 },
  ];
  assert.deepEqual(llmWaste(records), { wastedRequests: 3, wastedOutputTokens: 14, wastedInputTokens: 50, wastedInputUnknown: 1 });
  // A call cancelled before any answer: a wasted request, no tokens, its prompt unknown; a GET elsewhere is not.
  assert.deepEqual(llmWaste([...records, unanswered]), { wastedRequests: 4, wastedOutputTokens: 14, wastedInputTokens: 50, wastedInputUnknown: 2 });
  assert.equal(llmWaste([{ ...unanswered, url: 'http://127.0.0.1:1/delay/1', method: 'GET' }]).wastedRequests, 0);
  assert.deepEqual(llmWaste([records[1]!]), { wastedRequests: 1, wastedOutputTokens: 7, wastedInputTokens: null, wastedInputUnknown: 1 }, 'unknown, not zero');
  assert.deepEqual(llmWaste([records[0]!]), { wastedRequests: 0, wastedOutputTokens: 0, wastedInputTokens: 0, wastedInputUnknown: 0 });
});

// Jitter, tails and stalls off: each answer's timing is its parameters, scaled by the server's time scale.
const EXACT = 'itlSigma=0,ttftSigma=0,tailProbability=0,stallProbability=0,prefillMsPerToken=0,fixedOutputTokens=40';
let server: DelayServer;
const recorder = createRecorder();
before(async () => {
  server = await startDelayServer({ timeScale: 0.1, seed: 7 });
  recorder.start();
});
after(async () => {
  recorder.stop();
  await server.close();
});

async function post(path: string, body: object, headers: Record<string, string>, signal?: AbortSignal): Promise<string> {
  const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body), ...(signal ? { signal } : {}) });
  return res.text();
}

const messages = [{ role: 'user', content: 'Summarise the tool result in one line.' }];
const anthropic = { model: 'fast', max_tokens: 50, stream: true, messages };
const openai = { ...anthropic, stream_options: { include_usage: true } };

const row = (run: VariantRowOptions['spec']['run'], prices?: VariantRowOptions['prices']) =>
  runVariantRow({
    bench: 'waste',
    name: 'v',
    spec: { run },
    baseUrl: server.url,
    urls: [],
    iterations: 2,
    warmup: 0,
    variantTimeoutMs: 10_000,
    recorder,
    ...(prices ? { prices } : {}),
  });

test('hedged: the loser cancelled mid-stream is waste, with the tokens it had received and its reported prompt', async () => {
  // The original streams a token every 30 ms (time-scaled) from 5 ms on; the hedge after 150 ms streams all 40
  // in ~20 ms and wins, so the loser is cancelled a few tokens in.
  const slow = `${EXACT},ttftOverheadMs=50,itlMs=300`;
  const fast = `${EXACT},ttftOverheadMs=10,itlMs=5`;
  const winners: number[] = [];
  const result = await row(async ({ signal }) => {
    let attempt = 0;
    const answer = await hedged((s) => post('/v1/messages', anthropic, { 'x-fanout-llm-params': attempt++ === 0 ? slow : fast }, AbortSignal.any([signal, s])), { afterMs: 150, maxHedges: 1 });
    winners.push(answer.winner);
  });
  assert.deepEqual(winners, [1, 1], 'the hedge won both runs');
  const llm = result.llm;
  assert.ok(llm);
  assert.equal(llm.wastedRequests, 2, 'one loser per run');
  const loser = result.timeline.find((r) => r.stream?.error !== null && r.stream !== undefined);
  assert.ok(loser?.stream, 'the median run’s loser is a streamed record');
  assert.ok(loser.stream.outputTokens >= 1 && loser.stream.outputTokens < 40, `the loser had ${loser.stream.outputTokens} tokens when cancelled`);
  assert.equal(loser.stream.outputTokensFrom, 'content', 'cut before its usage: counted in the content');
  // Both runs' losers: their tokens are the waste; Anthropic reports the prompt at message_start.
  assert.ok((llm.wastedOutputTokens ?? 0) >= 2 && (llm.wastedOutputTokens ?? 0) < 80, `wasted ${llm.wastedOutputTokens}`);
  assert.equal(llm.wastedInputTokens, 2 * (loser.stream.inputTokens ?? Number.NaN));
  assert.equal(llm.wastedInputUnknown, 0);
  assert.equal(llm.streamed, 4);
});

test('hedged: a loser cancelled before its first token is a wasted request with no tokens and its prompt unknown', async () => {
  // The original's first token is due after 200 ms (time-scaled); the hedge after 60 ms answers in ~20 ms.
  const slow = `${EXACT},ttftOverheadMs=2000,itlMs=5`;
  const fast = `${EXACT},ttftOverheadMs=10,itlMs=5`;
  const result = await row(async ({ signal }) => {
    let attempt = 0;
    await hedged((s) => post('/v1/chat/completions', openai, { 'x-fanout-llm-params': attempt++ === 0 ? slow : fast }, AbortSignal.any([signal, s])), { afterMs: 60, maxHedges: 1 });
  });
  const loser = result.timeline.find((r) => r.outcome.kind !== 'ok');
  assert.ok(loser);
  assert.deepEqual([loser.status, loser.stream], [undefined, undefined], 'no answer had begun: the server sends its headers with the first token');
  assert.deepEqual([result.llm?.wastedRequests, result.llm?.wastedOutputTokens, result.llm?.wastedInputTokens, result.llm?.wastedInputUnknown], [2, 0, null, 2]);
});

test('a stream cut by a seeded fault and retried, and one ended by an error event: both waste, the cost of waste priced', async () => {
  const params = { 'x-fanout-llm-params': `${EXACT},ttftOverheadMs=10,itlMs=5` };
  const result = await row(
    async () => {
      await post('/v1/chat/completions', openai, { ...params, 'x-fanout-llm-fault': 'disconnect@5' }).catch(() => 'cut');
      await post('/v1/chat/completions', openai, params); // the retry, used whole
      await post('/v1/messages', anthropic, { ...params, 'x-fanout-llm-fault': 'error@3' });
    },
    { fast: { inputPerMTok: 1, outputPerMTok: 10 } },
  );
  const llm = result.llm;
  assert.ok(llm);
  const [cut, retry, errored] = [...result.timeline].sort((a, b) => a.startMs - b.startMs);
  assert.equal(cut?.stream?.outputTokens, 5);
  assert.equal(cut?.stream?.inputTokens, null, 'cut before OpenAI’s usage chunk: prompt unknown');
  assert.equal(retry?.stream?.error, null);
  assert.equal(errored?.stream?.outputTokens, 3);
  const prompt = errored?.stream?.inputTokens ?? Number.NaN;
  assert.ok(prompt > 0);
  // Per run: 5 + 3 output tokens, the Anthropic prompt known, the OpenAI one not.
  assert.deepEqual([llm.wastedRequests, llm.wastedOutputTokens, llm.wastedInputTokens, llm.wastedInputUnknown], [4, 16, 2 * prompt, 2]);
  const cost = llm.cost;
  assert.ok(cost);
  assert.ok(Math.abs(cost.wastedUsd - 2 * (8 * 10 + prompt * 1) / 1e6) < 1e-15, `wasted USD ${cost.wastedUsd}`);
  assert.ok(cost.wastedUsd < cost.totalUsd);
  assert.equal(cost.inputUnknownRequests, 2, 'the cut OpenAI answers: their prompt is not in the cost');
});
