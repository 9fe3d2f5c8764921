// The open loop against the simulated LLM API (--open-llm): streamed chat completions on the schedule,
// TTFT and 429s per step, the flags' checks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startDelayServer } from '../../../src/server/index.ts';
import { parseOpenFlags } from '../../../src/suites/open/flags.ts';
import { OpenSectionSchema } from '../../../src/suites/open/model.ts';
import { emptyOpenSection, runOpenSweep } from '../../../src/suites/open/sweep.ts';
import { renderOpenTable } from '../../../src/suites/open/table.ts';

const sweepOptions = (baseUrl: string) => ({
  baseUrl,
  client: 'undici' as const,
  timeoutMs: 5000,
  timeScale: 0.05,
  endpoint: '/v1/chat/completions',
  arrivals: 'constant' as const,
  burstiness: 1,
  seed: 5,
  startRatePerSec: 20,
  maxRatePerSec: 40,
  stepMaxS: 0.5,
  stepMaxRequests: 40,
  maxInFlight: 50,
  llm: { model: 'fast', maxTokens: 8 },
});

test('each step streams chat completions: TTFT from the send, no later than the whole answer', async () => {
  const server = await startDelayServer({ timeScale: 0.05, seed: 5 });
  try {
    const options = sweepOptions(server.url);
    const section = emptyOpenSection(options);
    await runOpenSweep(options, section);
    assert.deepEqual(OpenSectionSchema.parse(JSON.parse(JSON.stringify(section))), section);
    assert.deepEqual(section.llm, { model: 'fast', maxTokens: 8 });
    const first = section.steps[0]!;
    assert.equal(first.scheduled, 10);
    assert.ok(first.llm, 'the step has its LLM figures');
    assert.equal(first.llm.streamed, first.byOutcome.ok);
    assert.equal(first.byOutcome.ok, 10);
    assert.deepEqual([first.llm.rateLimited, first.llm.streamErrors], [0, 0]);
    assert.ok(first.llm.outputTokens >= 10 && first.llm.outputTokens <= 80, `${first.llm.outputTokens} tokens`);
    const ttft = first.llm.ttftMs;
    assert.ok(ttft && first.fromActualMs);
    assert.ok(ttft.p50 > 0 && ttft.p50 <= first.fromActualMs.p50, `TTFT p50 ${ttft.p50}, answer p50 ${first.fromActualMs.p50}`);
    assert.match(renderOpenTable(section), /TTFT p50.*TTFT p99.*429.*stream err/);
    assert.match(renderOpenTable(section), /model fast, max_tokens 8/);
  } finally {
    await server.close();
  }
});

test('a rate limit on the server: the 429s are counted per step, as failed responses', async () => {
  const server = await startDelayServer({ timeScale: 0.05, seed: 5, llm: { rpm: 5 } });
  try {
    const options = { ...sweepOptions(server.url), maxRatePerSec: 20 };
    const section = emptyOpenSection(options);
    await runOpenSweep(options, section);
    const step = section.steps[0]!;
    assert.ok(step.llm);
    assert.ok(step.llm.rateLimited > 0, 'a 5 rpm bucket (a minute of 3 s here) refuses most of 10 requests in 0.5 s');
    assert.equal(step.llm.rateLimited, step.byOutcome['http-error']);
    assert.equal(step.llm.streamed + step.llm.rateLimited, step.started);
    // The warm-up is marked and spends no quota: the step starts with the full bucket of 5 (+ under one refilled).
    assert.ok(step.llm.streamed >= 5 && step.llm.streamed <= 6, `${step.llm.streamed} answered`);
  } finally {
    await server.close();
  }
});

test('flags: --open-llm MODEL sets the LLM endpoint; --open-llm-max-tokens needs it', async () => {
  const options = await parseOpenFlags({ 'open-llm': 'gpt-4o-mini', 'open-llm-max-tokens': '16' });
  assert.deepEqual([options.endpoint, options.llm], ['/v1/chat/completions', { model: 'gpt-4o-mini', maxTokens: 16 }]);
  assert.equal((await parseOpenFlags({ 'open-llm': 'fast', 'open-endpoint': '/openai/v1/chat/completions' })).endpoint, '/openai/v1/chat/completions');
  assert.equal((await parseOpenFlags({})).llm, null);
  await assert.rejects(parseOpenFlags({ 'open-llm-max-tokens': '16' }), /--open-llm-max-tokens: only meaningful with --open-llm MODEL/);
  await assert.rejects(parseOpenFlags({ 'open-llm': 'fast', 'open-llm-max-tokens': '0' }), /--open-llm-max-tokens: expected a positive integer/);
  await assert.rejects(parseOpenFlags({ 'open-llm': 'fast', 'open-endpoint': 'v1/chat' }), /--open-endpoint: expected a path/);
});
