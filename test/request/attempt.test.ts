// Every strategy over a mocked API with a 404, a connection error and a timeout: each request is
// recorded exactly once with the right outcome, and no strategy crashes.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import nock from 'nock';
import { clients } from '../../src/clients/index.ts';
import { STRATEGY_NAMES, strategies } from '../../src/strategies/index.ts';
import { RequestFailure, recordingAttempt } from '../../src/request/attempt.ts';
import { servedDelayMs } from '../../src/protocol/server-timing.ts';
import { startDelayServer } from '../../src/server/index.ts';

const ORIGIN = 'http://api.test';
const URLS = ['/delay/1', '/status/404', '/reset', '/hang'].map((path) => `${ORIGIN}${path}`);
const TIMEOUT_MS = 100;

function mockApi(): void {
  nock(ORIGIN)
    .get('/delay/1')
    .delay(20)
    .reply(200, '{"ok":true}', { 'server-timing': 'initial_delay;dur=20.00;desc="initial delay"' })
    .get('/status/404')
    .reply(404, '')
    .get('/reset')
    .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))
    .get('/hang')
    .delay(2000)
    .reply(200, 'too late');
}

describe('recordingAttempt', () => {
  before(() => nock.disableNetConnect());
  afterEach(() => nock.abortPendingRequests());
  after(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  for (const name of STRATEGY_NAMES) {
    it(`${name}: records ok, http-error, network-error and timeout once each`, async () => {
      mockApi();
      const session = clients.fetch.open({ connections: 4 });
      const recorder = recordingAttempt(session, URLS, performance.now(), TIMEOUT_MS);
      await strategies[name].run(URLS.length, recorder.attempt, 2);
      await session.close();
      const byIndex = [...recorder.records].sort((a, b) => a.index - b.index);
      assert.deepEqual(
        byIndex.map((r) => r.outcome.kind),
        ['ok', 'http-error', 'network-error', 'timeout'],
      );
      const [ok, notFound, reset, hung] = byIndex;
      assert.equal(ok?.serverDelayMs, 20);
      assert.equal(ok?.status, 200);
      assert.equal(ok?.bytes, 11);
      assert.deepEqual(notFound?.outcome, { kind: 'http-error', status: 404 });
      assert.equal(reset?.outcome.kind === 'network-error' && reset.outcome.code, 'ECONNRESET');
      assert.deepEqual(hung?.outcome, { kind: 'timeout', afterMs: TIMEOUT_MS });
      for (const r of byIndex) assert.ok(r.queuedMs <= r.startMs && r.startMs <= r.endMs, `times ordered for ${r.url}`);
    });
  }

  it('rejects with a RequestFailure carrying the outcome, as real client code would see', async () => {
    mockApi();
    const session = clients.fetch.open({ connections: 1 });
    const recorder = recordingAttempt(session, URLS, performance.now(), TIMEOUT_MS);
    await assert.rejects(recorder.attempt(1), (error: unknown) => error instanceof RequestFailure && error.outcome.kind === 'http-error');
    await assert.rejects(recorder.attempt(9), RangeError);
    await session.close();
  });
});

describe('servedDelayMs', () => {
  it('reads initial_delay from Server-Timing, with or without desc and other metrics', () => {
    assert.equal(servedDelayMs('initial_delay;dur=2000.00;desc="initial delay"'), 2000);
    assert.equal(servedDelayMs('db;dur=3, initial_delay;dur=12.5'), 12.5);
    assert.equal(servedDelayMs('initial_delay;desc="x";dur=7'), 7);
    assert.equal(servedDelayMs('other;dur=5'), undefined);
    assert.equal(servedDelayMs(null), undefined);
  });
});

describe('the one-try path', () => {
  it('records what the general path records for the same answers (ok, http-error, network-error, timeout)', async () => {
    const server = await startDelayServer({ timeScale: 0.01 });
    const urls = [`${server.url}/delay/1`, `${server.url}/status/404`, 'http://127.0.0.1:1/get', `${server.url}/hang`];
    const session = clients.undici.open({ connections: 4 });
    try {
      const oneTry = recordingAttempt(session, urls, performance.now(), 200);
      // A rate gate that lets every try through at once sends a row down the general path.
      const general = recordingAttempt(session, urls, performance.now(), 200, { beforeTry: async () => {} });
      await Promise.all([strategies.pool.run(urls.length, oneTry.attempt, 4), strategies.pool.run(urls.length, general.attempt, 4)]);
      const shape = (records: typeof oneTry.records) =>
        [...records]
          .sort((a, b) => a.index - b.index)
          .map((r) => ({ ...r, startMs: typeof r.startMs, endMs: typeof r.endMs, ...(r.firstByteMs === undefined ? {} : { firstByteMs: typeof r.firstByteMs }) }));
      assert.deepEqual(shape(oneTry.records), shape(general.records));
      assert.deepEqual(
        shape(oneTry.records).map((r) => r.outcome.kind),
        ['ok', 'http-error', 'network-error', 'timeout'],
      );
      assert.deepEqual(Object.keys(oneTry.records.find((r) => r.index === 0) ?? {}), Object.keys(general.records.find((r) => r.index === 0) ?? {}));
      assert.deepEqual(oneTry.counters, general.counters);
    } finally {
      await session.close();
      await server.close();
    }
  });
});
