// Each client stack reports status, bytes and ordered timestamps, and fails the way the harness expects.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import nock from 'nock';
import { MockAgent } from 'undici';
import { clients } from '../../src/clients/index.ts';
import { createUndiciRequestClient } from '../../src/clients/undici-request.ts';
import { createUndiciClient } from '../../src/clients/undici.ts';

const ORIGIN = 'http://api.test';
const BODY = JSON.stringify({ ok: true, text: 'x'.repeat(100) });

describe('fetch and node-http through nock', () => {
  before(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());
  after(() => nock.enableNetConnect());

  for (const name of ['fetch', 'node-http'] as const) {
    it(`${name}: reads the whole body and stamps start ≤ first byte ≤ end`, async () => {
      nock(ORIGIN).get('/delay/1').reply(200, BODY, { 'server-timing': 'initial_delay;dur=1000.00' });
      const session = clients[name].open({ connections: 2 });
      const res = await session.request({ url: `${ORIGIN}/delay/1`, signal: AbortSignal.timeout(5000) });
      await session.close();
      assert.equal(res.status, 200);
      assert.equal(res.bytes, Buffer.byteLength(BODY));
      assert.equal(res.serverTiming, 'initial_delay;dur=1000.00');
      assert.ok(res.startMs <= res.firstByteMs && res.firstByteMs <= res.endMs);
    });

    it(`${name}: a 404 is a response, not an exception`, async () => {
      nock(ORIGIN).get('/status/404').reply(404, '');
      const session = clients[name].open({ connections: 2 });
      const res = await session.request({ url: `${ORIGIN}/status/404`, signal: AbortSignal.timeout(5000) });
      await session.close();
      assert.equal(res.status, 404);
      assert.equal(res.serverTiming, null);
    });

    it(`${name}: a connection error rejects`, async () => {
      nock(ORIGIN).get('/get').replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
      const session = clients[name].open({ connections: 2 });
      await assert.rejects(session.request({ url: `${ORIGIN}/get`, signal: AbortSignal.timeout(5000) }), (error: Error & { cause?: Error }) => {
        assert.match(`${error.message} ${error.cause?.message ?? ''}`, /socket hang up/);
        return true;
      });
      await session.close();
    });

    it(`${name}: an aborted request rejects promptly`, async () => {
      nock(ORIGIN).get('/delay/5').delay(2000).reply(200, BODY);
      const session = clients[name].open({ connections: 2 });
      const started = performance.now();
      await assert.rejects(session.request({ url: `${ORIGIN}/delay/5`, signal: AbortSignal.timeout(50) }), { name: 'TimeoutError' });
      assert.ok(performance.now() - started < 1500);
      await session.close();
    });
  }
});

for (const createClient of [createUndiciClient, createUndiciRequestClient]) describe(`${createClient.name} through MockAgent`, () => {
  const mockAgent = new MockAgent();
  mockAgent.disableNetConnect();
  const pool = mockAgent.get(ORIGIN);
  // MockAgent stays open across requests; the session's close() must not close the shared mock.
  const client = createClient(() => ({ ...mockAgent, dispatch: mockAgent.dispatch.bind(mockAgent), close: async () => {} }) as unknown as MockAgent);

  it('reads the whole body and the Server-Timing header', async () => {
    pool.intercept({ path: '/delay/2' }).reply(200, BODY, { headers: { 'server-timing': 'initial_delay;dur=2000.00' } });
    const session = client.open({ connections: 1 });
    const res = await session.request({ url: `${ORIGIN}/delay/2`, signal: AbortSignal.timeout(5000) });
    assert.equal(res.status, 200);
    assert.equal(res.bytes, Buffer.byteLength(BODY));
    assert.equal(res.serverTiming, 'initial_delay;dur=2000.00');
    assert.ok(res.startMs <= res.firstByteMs && res.firstByteMs <= res.endMs);
  });

  it('returns a 404 as a status', async () => {
    pool.intercept({ path: '/status/404' }).reply(404, '');
    const res = await client.open({ connections: 1 }).request({ url: `${ORIGIN}/status/404`, signal: AbortSignal.timeout(5000) });
    assert.equal(res.status, 404);
  });

  it('rejects on a network error', async () => {
    pool.intercept({ path: '/get' }).replyWithError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    await assert.rejects(client.open({ connections: 1 }).request({ url: `${ORIGIN}/get`, signal: AbortSignal.timeout(5000) }), /ECONNREFUSED/);
  });

  it('rejects when the signal aborts', async () => {
    pool.intercept({ path: '/delay/5' }).reply(200, BODY).delay(2000);
    await assert.rejects(client.open({ connections: 1 }).request({ url: `${ORIGIN}/delay/5`, signal: AbortSignal.timeout(50) }), { name: 'TimeoutError' });
  });
});
