// The LLM simulator's pure parts: seeded plans, the load factor, rate-limit buckets on a fake clock, reset formats, batching.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ModelBatch } from '../../../src/server/llm/batch.ts';
import { formatGoDuration, rfc3339After } from '../../../src/server/llm/durations.ts';
import { loadFactor, planResponse, requestRandom } from '../../../src/server/llm/plan.ts';
import { PRESETS, presetFor } from '../../../src/server/llm/presets.ts';
import { RateLimiter } from '../../../src/server/llm/rate-limit.ts';
import { estimateTokens, tokenPieces } from '../../../src/server/llm/words.ts';

test('a plan is fixed by (seed, request id): same id same words and gaps, another id another answer', () => {
  const plan = (seed: number, id: string) => planResponse(PRESETS.chat, requestRandom(seed, id), 100, 4096);
  assert.deepEqual(plan(1, 'run:3.0'), plan(1, 'run:3.0'));
  assert.notDeepEqual(plan(1, 'run:3.0').words, plan(1, 'run:4.0').words);
  assert.notDeepEqual(plan(1, 'run:3.0').words, plan(2, 'run:3.0').words);
});

test('one word is one token, and max_tokens cuts the answer with finish reason length', () => {
  for (let i = 0; i < 50; i++) {
    const p = planResponse(PRESETS.fast, requestRandom(9, `r${i}`), 10, 100);
    assert.equal(p.words.length, p.outputTokens);
    assert.equal(p.gapsMs.length, p.outputTokens - 1);
    assert.equal(tokenPieces(p.words).join('').split(/\s+/).length, p.outputTokens);
    assert.ok(p.outputTokens <= 100);
    assert.equal(p.finishReason === 'length', p.outputTokens === 100);
  }
  const fixed = planResponse({ ...PRESETS.fast, fixedOutputTokens: 200 }, requestRandom(1, 'x'), 10, 150);
  assert.deepEqual([fixed.outputTokens, fixed.finishReason], [150, 'length']);
});

test('prefill grows with the prompt, and the presets order as named: fast < chat < reasoning', () => {
  const median = (preset: keyof typeof PRESETS, promptTokens: number): number => {
    const values = Array.from({ length: 301 }, (_, i) => planResponse(PRESETS[preset], requestRandom(5, `m${i}`), promptTokens, 4096).prefillMs).sort((a, b) => a - b);
    return values[150]!;
  };
  assert.ok(median('chat', 20_000) > median('chat', 10) + 2000);
  assert.ok(median('fast', 100) < median('chat', 100));
  assert.ok(median('chat', 100) < median('reasoning', 100));
});

test('load factor: 1 alone, 1 + slowdown at a full batch, no more beyond it', () => {
  assert.equal(loadFactor(1, 32, 1.5), 1);
  assert.equal(loadFactor(32, 32, 1.5), 2.5);
  assert.equal(loadFactor(100, 32, 1.5), 2.5);
  assert.ok(Math.abs(loadFactor(17, 33, 1) - 1.5) < 1e-12);
  assert.equal(loadFactor(5, 1, 3), 1);
});

test('model names select presets, anything else the default', () => {
  assert.equal(presetFor('reasoning', 'chat'), 'reasoning');
  assert.equal(presetFor('gpt-4o-mini', 'chat'), 'fast');
  assert.equal(presetFor('my-model', 'fast'), 'fast');
  assert.equal(estimateTokens('abcdefgh'), 2);
  assert.equal(estimateTokens(''), 1);
});

test('rate limits: requests and tokens per minute refill continuously; reservations settle from usage', () => {
  let nowMs = 0;
  const limiter = new RateLimiter({ rpm: 3, tpm: 1000, minuteMs: 60_000, now: () => nowMs });
  const first = limiter.admit('k', 400);
  assert.ok(first.ok);
  assert.deepEqual(first.tokens, { limit: 1000, remaining: 600, resetMs: 24_000 });
  assert.deepEqual(first.requests, { limit: 3, remaining: 2, resetMs: 20_000 });
  const tooMany = limiter.admit('k', 700);
  assert.ok(!tooMany.ok && tooMany.kind === 'tokens');
  assert.equal(tooMany.retryAfterMs, 6000); // 100 tokens missing at 1000 per 60 s
  limiter.settle('k', 400, 100); // used 100 of the 400 reserved
  assert.ok(limiter.admit('k', 700).ok);
  assert.ok(limiter.admit('other', 10).ok); // another key, another bucket
  const third = limiter.admit('k', 1);
  assert.ok(third.ok);
  const fourth = limiter.admit('k', 1);
  assert.ok(!fourth.ok && fourth.kind === 'requests');
  assert.equal(fourth.retryAfterMs, 20_000);
  nowMs = 20_000;
  assert.ok(limiter.admit('k', 1).ok);
  const unlimited = new RateLimiter({ rpm: 0, tpm: 0, minuteMs: 60_000, now: () => nowMs }).admit('k', 1e9);
  assert.deepEqual(unlimited, { ok: true, requests: null, tokens: null });
});

test('reset formats: Go durations for OpenAI, RFC 3339 for Anthropic', () => {
  assert.equal(formatGoDuration(12), '12ms');
  assert.equal(formatGoDuration(0.2), '1ms');
  assert.equal(formatGoDuration(1000), '1s');
  assert.equal(formatGoDuration(1500), '1.5s');
  assert.equal(formatGoDuration(360_000), '6m0s');
  assert.equal(formatGoDuration(3_723_500), '1h2m3.5s');
  assert.equal(rfc3339After(Date.UTC(2026, 11, 2, 8, 0, 0), 1500), '2026-12-02T08:00:02Z');
});

test('a batch serves `capacity` at once, queues the rest in order, and drops a queued request that goes away', async () => {
  const batch = new ModelBatch(1, 1);
  const never = new AbortController().signal;
  await batch.acquire(never);
  const order: string[] = [];
  const gone = new AbortController();
  const leaving = batch.acquire(gone.signal).then(() => order.push('leaving'), () => order.push('left'));
  assert.equal(batch.full, true);
  gone.abort();
  await leaving;
  const waiting = batch.acquire(never).then(() => order.push('next'));
  batch.release();
  await waiting;
  assert.deepEqual(order, ['left', 'next']);
  assert.equal(batch.running, 1);
});
