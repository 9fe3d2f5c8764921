// Rate limits through the server: tokens are reserved as prompt estimate + max_tokens and settled from
// usage; keys have their own buckets; warm-ups and refusals cost nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startDelayServer, type DelayServer } from '../../../src/server/index.ts';

let server: DelayServer;
// Time scale 1: the limits' minute is a real minute, so refill during the test is a few tokens at most.
before(async () => (server = await startDelayServer({ timeScale: 1, seed: 2, llm: { tpm: 10_000, rpm: 100, maxOutputTokens: 20_000 } })));
after(() => server.close());

const PROMPT = 'x'.repeat(400); // 100 tokens by the four-characters rule
async function chat(key: string, maxTokens: number, extra: Record<string, string> = {}) {
  const res = await fetch(`${server.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'x-fanout-llm-params': 'fixedOutputTokens=5,ttftOverheadMs=1,itlMs=1', ...extra },
    body: JSON.stringify({ model: 'fast', messages: [{ role: 'user', content: PROMPT }], max_tokens: maxTokens }),
  });
  const body = (await res.json()) as { usage?: { total_tokens: number }; error?: { type: string } };
  return { status: res.status, body, remaining: Number(res.headers.get('x-ratelimit-remaining-tokens')), reset: res.headers.get('x-ratelimit-reset-tokens') };
}

test('a request reserves prompt + max_tokens, and what it did not use comes back when it ends', async () => {
  const first = await chat('a', 1000);
  assert.equal(first.status, 200);
  assert.equal(first.body.usage?.total_tokens, 105);
  assert.ok(Math.abs(first.remaining - (10_000 - 1100)) <= 2, `after the first reservation: ${first.remaining}`);
  assert.match(first.reset ?? '', /^\d+(\.\d+)?s$|^\d+ms$/);
  const second = await chat('a', 1000);
  // The first settled at 105 tokens used, so 995 came back before the second reserved its 1,100.
  assert.ok(Math.abs(second.remaining - (10_000 - 105 - 1100)) <= 60, `after the second reservation: ${second.remaining}`);
});

test('each key has its own bucket; a refused request and warm-ups spend nothing', async () => {
  const tooBig = await chat('b', 9_950); // 100 + 9,950 > 10,000
  assert.equal(tooBig.status, 429);
  assert.equal(tooBig.body.error?.type, 'tokens');
  for (let i = 0; i < 3; i++) assert.equal((await chat('b', 1000, { 'x-fanout-warmup': '1' })).status, 200);
  const fresh = await chat('b', 1000);
  assert.ok(Math.abs(fresh.remaining - (10_000 - 1100)) <= 2, `key b untouched before: ${fresh.remaining}`);
});
