// The committed LLM URL set through every default strategy against the real delay server (port 0, time
// scale 0.05): each row measures its streamed answers and carries the llm summary.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { FIXTURES_DIR } from '../../src/run/defaults.ts';
import { loadFixture } from '../../src/run/fixtures.ts';
import { runBench } from '../../src/run/run-bench.ts';
import { DEFAULT_STRATEGIES } from '../../src/strategies/index.ts';
import { reporters } from '../../src/report/index.ts';

test('fixtures/llm-chat.json: every strategy row streams ten answers a run and has an llm summary', async () => {
  const fixture = await loadFixture(join(FIXTURES_DIR, 'llm-chat.json'));
  assert.equal(fixture.paths.filter((path) => path === '/v1/chat/completions').length, 8);
  assert.equal(fixture.paths.filter((path) => path === '/v1/messages').length, 2);
  const report = await runBench({
    suites: ['strategies'],
    fixtures: [fixture],
    strategies: DEFAULT_STRATEGIES,
    concurrency: null,
    client: 'undici',
    iterations: 2,
    warmup: 1,
    timeScale: 0.05,
    timeoutMs: 10_000,
    // A price for the OpenAI model only: the Anthropic answers must be named unpriced, never costed at zero.
    suiteOptions: { strategies: { variantTimeoutMs: 60_000, slo: null, prices: { 'gpt-4o-mini': { inputPerMTok: 0.15, outputPerMTok: 0.6 } } } },
  });
  assert.deepEqual(report.errors, []);
  assert.deepEqual(
    report.strategies.map((row) => [row.name, row.concurrency]),
    [['sequential', null], ['all', null], ['all-settled', null], ['pool', 4], ['batched', 4]],
  );
  for (const row of report.strategies) {
    const llm = row.llm;
    assert.ok(llm, `${row.name}: llm summary`);
    assert.equal(llm.streamed, 20, `${row.name}: ten streamed answers in each of two runs`);
    assert.deepEqual([llm.rateLimited, llm.overloaded, llm.streamErrors], [0, 0, 0]);
    assert.equal(llm.slowestOfN?.n, 10);
    assert.ok(llm.ttftMs.p50 > 0 && llm.e2eMs.p50 >= llm.ttftMs.p50 && llm.outputTokensPerSec > 0);
    assert.deepEqual(row.requests.byOutcome, { ok: 20, 'http-error': 0, 'network-error': 0, timeout: 0 });
    for (const record of row.timeline) {
      const stream = record.stream;
      assert.ok(stream && stream.outputTokens >= 1 && stream.outputTokens <= 60, `${row.name} #${record.index}: ${stream?.outputTokens} tokens`);
      const anthropic = record.url.endsWith('/v1/messages');
      assert.ok((anthropic ? ['end_turn', 'max_tokens'] : ['stop', 'length']).includes(stream.finishReason ?? ''), `${record.url}: ${stream.finishReason}`);
      assert.ok((record.serverDelayMs ?? 0) > 0, 'each answer says what it served');
    }
    assert.ok(row.idealMs > 0);
    const cost = llm.cost;
    assert.ok(cost && cost.totalUsd > 0 && cost.perRunUsd > 0, `${row.name}: strategy rows are priced`);
    assert.deepEqual([cost.unpricedModels, cost.unpricedRequests, cost.inputUnknownRequests], [['claude-haiku-4-5'], 4, 0]);
  }
  const text = reporters.table.render(report);
  assert.match(text, /TTFT p50\/p99/);
  for (const name of ['sequential', 'all', 'all-settled', 'pool\\(4\\)', 'batched\\(4\\)']) assert.match(text, new RegExp(`│ llm-chat\\s+│ ${name}\\s+│ 20\\s+│`));
});

test('a tight per-key quota: every measured run of every strategy row starts with the key\'s full quota', async () => {
  const fixture = await loadFixture(join(FIXTURES_DIR, 'llm-chat.json'));
  // Requests per minute = one run's ten calls: a second run, or a second row, on the same bucket would draw 429s.
  const report = await runBench({
    suites: ['strategies'],
    fixtures: [fixture],
    strategies: ['all', 'sequential'],
    concurrency: null,
    client: 'undici',
    iterations: 2,
    warmup: 1,
    timeScale: 0.05,
    timeoutMs: 10_000,
    llm: { rpm: 10 },
  });
  assert.deepEqual(report.errors, []);
  for (const row of report.strategies) {
    assert.deepEqual(row.requests.byOutcome, { ok: 20, 'http-error': 0, 'network-error': 0, timeout: 0 }, `${row.name}: no 429`);
    assert.equal(row.llm?.rateLimited, 0);
  }
});
