import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { clients } from '../../src/clients/index.ts';
import { startDelayServer, type DelayServer } from '../../src/server/index.ts';
import { recordingAttempt } from '../../src/request/attempt.ts';
import { backoffMs, isRetryable, jitterFraction, retryAfterMs, retryBudgetFor, type RetryPolicy } from '../../src/request/retry.ts';
import { checkRunTotals } from '../../src/suites/strategies/totals.ts';

const POLICY: RetryPolicy = { maxRetries: 3, budget: 1, backoffBaseMs: 100, backoffMaxMs: 1_000, seed: 1 };
const headers = (h: Record<string, string>) => (name: string) => h[name] ?? null;

test('Retry-After: retry-after-ms first, then seconds, then an HTTP date; junk ignored', () => {
  const now = Date.parse('2026-11-26T12:00:00Z');
  assert.equal(retryAfterMs(headers({ 'retry-after-ms': '250', 'retry-after': '3' }), now), 250);
  assert.equal(retryAfterMs(headers({ 'retry-after': '3' }), now), 3_000);
  assert.equal(retryAfterMs(headers({ 'retry-after': 'Thu, 26 Nov 2026 12:00:05 GMT' }), now), 5_000);
  assert.equal(retryAfterMs(headers({ 'retry-after': 'Thu, 26 Nov 2026 11:00:00 GMT' }), now), 0, 'a past date means now');
  assert.equal(retryAfterMs(headers({ 'retry-after': 'soon' }), now), undefined);
  assert.equal(retryAfterMs(headers({ 'retry-after': '-1' }), now), undefined);
  assert.equal(retryAfterMs(headers({}), now), undefined);
});

test('full jitter: deterministic per (seed, request, retry), within [0, min(max, base·2^n))', () => {
  for (let retry = 0; retry < 6; retry++) {
    const capMs = Math.min(POLICY.backoffMaxMs, POLICY.backoffBaseMs * 2 ** retry);
    for (let index = 0; index < 50; index++) {
      const waitMs = backoffMs(POLICY, index, retry);
      assert.ok(waitMs >= 0 && waitMs < capMs, `retry ${retry}: ${waitMs} within [0, ${capMs})`);
      assert.equal(backoffMs(POLICY, index, retry), waitMs, 'same inputs, same wait');
    }
  }
  const fractions = Array.from({ length: 1000 }, (_, i) => jitterFraction(1, i, 0));
  const mean = fractions.reduce((a, b) => a + b, 0) / fractions.length;
  assert.ok(mean > 0.45 && mean < 0.55, `uniform-ish, mean ${mean}`);
  assert.notEqual(jitterFraction(1, 0, 0), jitterFraction(2, 0, 0), 'the seed matters');
});

test('retryable outcomes: timeouts, network errors, 408/429/5xx — not other 4xx, not an interrupted run', () => {
  assert.equal(isRetryable({ kind: 'timeout', afterMs: 1 }), true);
  assert.equal(isRetryable({ kind: 'network-error', code: 'ECONNRESET', message: '' }), true);
  assert.equal(isRetryable({ kind: 'network-error', code: 'INTERRUPTED', message: '' }), false);
  for (const status of [408, 429, 500, 502, 503, 504]) assert.equal(isRetryable({ kind: 'http-error', status }), true);
  for (const status of [400, 401, 404, 413, 501]) assert.equal(isRetryable({ kind: 'http-error', status }), false);
  assert.equal(isRetryable({ kind: 'ok' }), false);
  assert.equal(retryBudgetFor({ ...POLICY, budget: 0.5 }, 5), 3);
  assert.equal(retryBudgetFor({ ...POLICY, budget: 0 }, 5), 0);
});

let server: DelayServer;
before(async () => {
  server = await startDelayServer({ timeScale: 0.1, maxDelayS: 2, requestTimeoutMs: 1_000, seed: 3 });
});
after(() => server.close());

async function runOnce(paths: string[], policy: RetryPolicy | undefined, timeoutMs = 1_000) {
  const session = clients.undici.open({ connections: paths.length });
  try {
    const urls = paths.map((p) => `${server.url}${p}`);
    const recorder = recordingAttempt(session, urls, performance.now(), timeoutMs, policy ? { retry: policy } : {});
    await Promise.allSettled(urls.map((_, i) => recorder.attempt(i)));
    checkRunTotals('test', recorder.records, urls.length, recorder.counters);
    return recorder;
  } finally {
    await session.close();
  }
}

test('a 429 is retried after the server-sent retry-after-ms, and the request ends ok', async () => {
  const path = '/ratelimit?limit=1&window_s=1&key=honour';
  const { records, counters } = await runOnce([path, path], POLICY);
  const retried = records.find((r) => (r.attempts ?? 1) > 1)!;
  assert.equal(retried.outcome.kind, 'ok');
  const failed = retried.failedAttempts![0]!;
  assert.equal(failed.status, 429);
  assert.equal(failed.retryAfter, true);
  assert.ok(failed.waitMs > 0 && failed.waitMs <= 100, `waited the 100 ms scaled window, got ${failed.waitMs}`);
  assert.equal(counters.retries, 1);
  assert.equal(counters.tries, 3);
});

test('the retry budget caps retries per run and counts the refused ones', async () => {
  const paths = Array.from({ length: 4 }, () => '/status/503');
  const { records, counters } = await runOnce(paths, { ...POLICY, backoffBaseMs: 1, backoffMaxMs: 2, budget: 0.5 });
  assert.equal(counters.retryBudget, 2);
  assert.equal(counters.retries, 2);
  assert.equal(counters.tries, 6);
  assert.ok(counters.retriesDenied >= 2);
  assert.ok(records.every((r) => r.outcome.kind === 'http-error'));
});

test('timeouts are counted per try, and a 404 is not retried', async () => {
  const { records, counters } = await runOnce(['/hang', '/status/404'], { ...POLICY, maxRetries: 2, backoffBaseMs: 1, backoffMaxMs: 1 }, 100);
  const hang = records.find((r) => r.url.endsWith('/hang'))!;
  assert.equal(hang.outcome.kind, 'timeout');
  assert.equal(hang.attempts, 3);
  assert.deepEqual(hang.failedAttempts!.map((f) => f.outcome.kind), ['timeout', 'timeout']);
  const notFound = records.find((r) => r.url.endsWith('/404'))!;
  assert.equal(notFound.attempts, undefined, 'one try');
  assert.equal(counters.tries, 4);
});

test('without a policy every request gets exactly one try', async () => {
  const { records, counters } = await runOnce(['/status/503', '/flaky?p=1', '/get'], undefined);
  assert.equal(counters.tries, 3);
  assert.ok(records.every((r) => r.attempts === undefined && r.failedAttempts === undefined));
});
