import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { undiciDispatchClient, splitUrl } from '../../src/clients/undici-dispatch.ts';
import { undiciClient } from '../../src/clients/undici.ts';
import { startDelayServer, type DelayServer } from '../../src/server/index.ts';

let server: DelayServer;
before(async () => (server = await startDelayServer({ port: 0, timeScale: 0.01 })));
after(() => server.close());

test('splitUrl: origin and path without a URL object', () => {
  assert.deepEqual(splitUrl('http://127.0.0.1:8080/delay/0.05?x=1'), { origin: 'http://127.0.0.1:8080', path: '/delay/0.05?x=1' });
  assert.deepEqual(splitUrl('http://127.0.0.1:8080'), { origin: 'http://127.0.0.1:8080', path: '/' });
  assert.deepEqual(splitUrl('http://h:1?q=2'), { origin: 'http://h:1', path: '/?q=2' });
});

test('same status, bytes and Server-Timing as undici request()', async () => {
  const dispatch = undiciDispatchClient.open({ connections: 2 });
  const request = undiciClient.open({ connections: 2 });
  try {
    const url = `${server.url}/delay/1`;
    const [a, b] = await Promise.all([dispatch.request({ url, signal: AbortSignal.timeout(5000) }), request.request({ url, signal: AbortSignal.timeout(5000) })]);
    assert.equal(a.status, 200);
    assert.equal(a.bytes, b.bytes);
    assert.equal(a.serverTiming, b.serverTiming);
    assert.ok(a.startMs <= a.firstByteMs && a.firstByteMs <= a.endMs);
    const missing = await dispatch.request({ url: `${server.url}/status/404`, signal: AbortSignal.timeout(5000) });
    assert.equal(missing.status, 404);
  } finally {
    await Promise.all([dispatch.close(), request.close()]);
  }
});

test('an abort rejects with the signal reason; a refused connection rejects with its error', async () => {
  const session = undiciDispatchClient.open({ connections: 2 });
  try {
    const controller = new AbortController();
    const pending = session.request({ url: `${server.url}/delay/10`, signal: controller.signal });
    const reason = new Error('deadline');
    setTimeout(() => controller.abort(reason), 20);
    await assert.rejects(pending, (error) => error === reason);
    await assert.rejects(session.request({ url: 'http://127.0.0.1:1/get', signal: AbortSignal.timeout(5000) }), (error: { code?: string }) => error.code === 'ECONNREFUSED');
  } finally {
    await session.close();
  }
});
