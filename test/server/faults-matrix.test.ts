// Every fault × every strategy: the run completes, every request is recorded exactly once with an
// outcome, totals add up, and each fault shows the outcome it should.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LoadedFixture } from '../../src/run/fixtures.ts';
import type { OutcomeKind, StrategyResult } from '../../src/model/records.ts';
import { startDelayServer } from '../../src/server/index.ts';
import { STRATEGY_NAMES } from '../../src/strategies/index.ts';
import { runStrategySuite } from '../../src/suites/strategies/index.ts';

// Well above the 100 ms the healthy /delay/1 and the drip serve at time scale 0.1: eight fixtures run at once,
// and on a loaded 2-core runner a healthy call must not be taken for a hang.
const TIMEOUT_MS = 600;

/** Each fault twice among two healthy calls; `expect` is the outcome of the fault calls without retries. */
const FAULTS: { name: string; path: string; expect: OutcomeKind[] }[] = [
  { name: 'ratelimit', path: '/ratelimit?limit=1&window_s=2&key=K', expect: ['ok', 'http-error'] },
  { name: 'reset-body', path: '/reset', expect: ['network-error'] },
  { name: 'reset-headers', path: '/reset?at=headers', expect: ['network-error'] },
  { name: 'hang-headers', path: '/hang', expect: ['timeout'] },
  { name: 'hang-body', path: '/hang?phase=body', expect: ['timeout'] },
  { name: 'drip', path: '/drip?duration=1&numbytes=20', expect: ['ok'] },
  { name: 'malformed', path: '/malformed', expect: ['ok'] },
  { name: 'flaky', path: '/flaky?p=0.5', expect: ['ok', 'http-error'] },
];

function fixtureFor(fault: (typeof FAULTS)[number]): LoadedFixture {
  const path = fault.path.replace('key=K', `key=${fault.name}`);
  return { name: fault.name, description: fault.path, paths: [path, '/get', path, '/delay/1'], concurrency: [2], file: '(test)' };
}

test('fault matrix: every fault × every strategy completes with totals that add up', async (t) => {
  const server = await startDelayServer({ timeScale: 0.1, maxDelayS: 2, requestTimeoutMs: 1_000, headersTimeoutMs: 1_000, seed: 7 });
  try {
    // One fixture per fault, run side by side (each row on its own client session) to stay fast.
    const outcomes = await Promise.all(
      FAULTS.map(async (fault) => {
        const fixture = fixtureFor(fault);
        const { results, errors } = await runStrategySuite({
          baseUrl: server.url,
          fixtures: [fixture],
          strategies: STRATEGY_NAMES,
          concurrency: null,
          client: 'undici',
          iterations: 2,
          warmup: 0,
          timeoutMs: TIMEOUT_MS,
          retry: { maxRetries: 2, budget: 1, backoffBaseMs: 10, backoffMaxMs: 40, seed: 3 },
        });
        return { fault, fixture, results, errors };
      }),
    );
    const lines = ['fault | strategy | total | ok | http-error | network-error | timeout | tries | retries | try timeouts'];
    for (const { fault, fixture, results, errors } of outcomes) {
      assert.deepEqual(errors, [], `${fault.name}: no row may error`);
      assert.equal(results.length, STRATEGY_NAMES.length, `${fault.name}: one row per strategy`);
      for (const row of results) checkRow(fault, fixture, row);
      for (const row of results) {
        const b = row.requests.byOutcome;
        const r = row.resilience!;
        lines.push(`${fault.name} | ${row.name} | ${row.requests.total} | ${b.ok} | ${b['http-error']} | ${b['network-error']} | ${b.timeout} | ${r.attempts} | ${r.retries} | ${r.timeouts}`);
      }
    }
    for (const line of lines) t.diagnostic(line);
  } finally {
    await server.close();
  }
});

function checkRow(fault: (typeof FAULTS)[number], fixture: LoadedFixture, row: StrategyResult): void {
  const label = `${fault.name}/${row.name}`;
  const requests = fixture.paths.length * 2;
  assert.equal(row.requests.total, requests, `${label}: every request counted`);
  const by = row.requests.byOutcome;
  assert.equal(by.ok + by['http-error'] + by['network-error'] + by.timeout, requests, `${label}: outcomes add up`);
  assert.equal(row.requests.ok + row.requests.failed, requests, `${label}: ok + failed`);
  assert.deepEqual(row.timeline.map((r) => r.index), [0, 1, 2, 3], `${label}: timeline holds each request once`);
  const r = row.resilience!;
  assert.ok(r.attempts >= requests, `${label}: tries ≥ requests`);
  assert.equal(r.retries, r.attempts - requests, `${label}: retries = tries − requests`);
  if (row.name !== 'pool-retry') assert.equal(r.retries, 0, `${label}: only pool-retry retries`);
  for (const record of row.timeline) {
    if (record.index % 2 === 1) {
      assert.equal(record.outcome.kind, 'ok', `${label}: healthy call ${record.url} ok`);
      continue;
    }
    const allowed: OutcomeKind[] = row.name === 'pool-retry' ? [...fault.expect, 'ok'] : fault.expect;
    assert.ok(allowed.includes(record.outcome.kind), `${label}: ${record.url} ended ${record.outcome.kind}, expected ${allowed.join('|')}`);
    assert.equal((record.failedAttempts?.length ?? 0) + 1, record.attempts ?? 1, `${label}: failed tries recorded`);
  }
  if (fault.name.startsWith('hang')) assert.ok(r.timeouts >= 4, `${label}: each hang times out`);
}
