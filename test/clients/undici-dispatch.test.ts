// The default undici client (dispatch() with a minimal handler) against undici request(): same
// answers, aborts with the signal's reason, bodies and headers sent, SSE chunks kept, and its
// requests seen by the diagnostics-channel recorder.
import assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import type { ClientResponse } from '../../src/clients/client.ts';
import { DispatchExchange, splitUrl } from '../../src/clients/undici-dispatch.ts';
import { undiciRequestClient } from '../../src/clients/undici-request.ts';
import { undiciClient } from '../../src/clients/undici.ts';
import { createRecorder } from '../../src/record/index.ts';
import { startDelayServer, type DelayServer } from '../../src/server/index.ts';

let server: DelayServer;
before(async () => (server = await startDelayServer({ port: 0, timeScale: 0.01 })));
after(() => server.close());

const BOTH = [undiciClient, undiciRequestClient] as const;

test('splitUrl: origin and path without a URL object', () => {
  assert.deepEqual(splitUrl('http://127.0.0.1:8080/delay/0.05?x=1'), { origin: 'http://127.0.0.1:8080', path: '/delay/0.05?x=1' });
  assert.deepEqual(splitUrl('http://127.0.0.1:8080'), { origin: 'http://127.0.0.1:8080', path: '/' });
  assert.deepEqual(splitUrl('http://h:1?q=2'), { origin: 'http://h:1', path: '/?q=2' });
});

test('same status, bytes and Server-Timing as undici request()', async () => {
  const dispatch = undiciClient.open({ connections: 2 });
  const request = undiciRequestClient.open({ connections: 2 });
  try {
    const url = `${server.url}/delay/1`;
    const [a, b] = await Promise.all([dispatch.request({ url, signal: AbortSignal.timeout(5000) }), request.request({ url, signal: AbortSignal.timeout(5000) })]);
    assert.equal(a.status, 200);
    assert.equal(a.bytes, b.bytes);
    assert.equal(a.serverTiming, b.serverTiming);
    assert.match(a.serverTiming ?? '', /initial_delay;dur=/);
    assert.ok(a.startMs <= a.firstByteMs && a.firstByteMs <= a.endMs);
    assert.equal(a.chunks, undefined, 'no chunks kept for a JSON answer');
    const missing = await dispatch.request({ url: `${server.url}/status/404`, signal: AbortSignal.timeout(5000) });
    assert.equal(missing.status, 404);
  } finally {
    await Promise.all([dispatch.close(), request.close()]);
  }
});

test('an abort rejects with the signal reason, before or during the request; a refused connection rejects with its error', async () => {
  const session = undiciClient.open({ connections: 2 });
  try {
    const controller = new AbortController();
    const pending = session.request({ url: `${server.url}/delay/10`, signal: controller.signal });
    const reason = new Error('deadline');
    setTimeout(() => controller.abort(reason), 20);
    await assert.rejects(pending, (error) => error === reason);
    const early = new AbortController();
    const earlyReason = new Error('already aborted');
    early.abort(earlyReason);
    await assert.rejects(session.request({ url: `${server.url}/get`, signal: early.signal }), (error) => error === earlyReason);
    await assert.rejects(session.request({ url: 'http://127.0.0.1:1/get', signal: AbortSignal.timeout(5000) }), (error: { code?: string }) => error.code === 'ECONNREFUSED');
  } finally {
    await session.close();
  }
});

test('a settled request leaves no listener on a long-lived signal', async () => {
  const session = undiciClient.open({ connections: 2 });
  const controller = new AbortController();
  try {
    for (let i = 0; i < 3; i++) await session.request({ url: `${server.url}/get`, signal: controller.signal });
    await session.request({ url: `${server.url}/status/500`, signal: controller.signal });
    assert.equal(getEventListeners(controller.signal, 'abort').length, 0);
  } finally {
    await session.close();
  }
});

test('requests sharing one signal: one abort listener while they are live, every one rejected with its reason', async () => {
  const session = undiciClient.open({ connections: 4 });
  const controller = new AbortController();
  try {
    const pending = Array.from({ length: 3 }, () => session.request({ url: `${server.url}/delay/10`, signal: controller.signal }));
    assert.equal(getEventListeners(controller.signal, 'abort').length, 1);
    const reason = new Error('slot deadline');
    setTimeout(() => controller.abort(reason), 20);
    const settled = await Promise.allSettled(pending);
    assert.deepEqual(
      settled.map((s) => (s.status === 'rejected' ? s.reason : s.status)),
      [reason, reason, reason],
    );
    assert.equal(getEventListeners(controller.signal, 'abort').length, 0);
  } finally {
    await session.close();
  }
});

for (const client of BOTH) {
  test(`${client.name}: any method, a body and extra headers reach the server`, async () => {
    const seen: { method?: string; url?: string; header?: string | string[]; body: string }[] = [];
    const capture = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (text: string) => (body += text));
      req.on('end', () => {
        seen.push({ ...(req.method ? { method: req.method } : {}), ...(req.url ? { url: req.url } : {}), ...(req.headers['x-fanout-test'] ? { header: req.headers['x-fanout-test'] } : {}), body });
        res.writeHead(201, { 'retry-after-ms': '250' }).end('ok');
      });
    });
    await new Promise<void>((resolve) => capture.listen(0, '127.0.0.1', resolve));
    const { port } = capture.address() as AddressInfo;
    const session = client.open({ connections: 1 });
    try {
      const res = await session.request({ url: `http://127.0.0.1:${port}/anything/x?q=1`, method: 'PATCH', body: 'hello body', headers: { 'x-fanout-test': 'yes' }, signal: AbortSignal.timeout(5000) });
      assert.equal(res.status, 201);
      assert.equal(res.bytes, 2);
      assert.equal(res.header?.('retry-after-ms'), '250');
      await session.request({ url: `http://127.0.0.1:${port}/plain`, signal: AbortSignal.timeout(5000) });
      assert.deepEqual(seen, [
        { method: 'PATCH', url: '/anything/x?q=1', header: 'yes', body: 'hello body' },
        { method: 'GET', url: '/plain', body: '' },
      ]);
    } finally {
      await session.close();
      await new Promise((resolve) => capture.close(resolve));
    }
  });

  test(`${client.name}: a text/event-stream answer keeps every chunk with its time, bytes and text`, async () => {
    // Its own server at time scale 1, so tokens 10 ms apart arrive as chunks of their own.
    const llm = await startDelayServer({ port: 0, timeScale: 1 });
    const session = client.open({ connections: 1 });
    try {
      const body = JSON.stringify({ model: 'fast', max_tokens: 8, stream: true, messages: [{ role: 'user', content: 'Count.' }] });
      const res = await session.request({
        url: `${llm.url}/v1/chat/completions`,
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', 'x-fanout-llm-params': 'fixedOutputTokens=5,itlMs=10,itlSigma=0,stallProbability=0,ttftSigma=0,tailProbability=0' },
        signal: AbortSignal.timeout(5000),
      });
      assert.equal(res.status, 200);
      const chunks = res.chunks ?? [];
      assert.ok(chunks.length >= 2, `${chunks.length} chunks`);
      assert.equal(chunks.reduce((sum, c) => sum + c.bytes, 0), res.bytes);
      const text = chunks.map((c) => c.text).join('');
      assert.equal(Buffer.byteLength(text), res.bytes);
      assert.match(text, /^data: \{/);
      assert.match(text, /data: \[DONE\]/);
      for (let i = 0; i < chunks.length; i++) {
        const atMs = chunks[i]?.atMs ?? NaN;
        assert.ok(atMs >= res.firstByteMs && atMs <= res.endMs, `chunk ${i} at ${atMs}`);
        if (i > 0) assert.ok(atMs >= (chunks[i - 1]?.atMs ?? Infinity));
      }
    } finally {
      await session.close();
      await llm.close();
    }
  });
}

test('a UTF-8 character split across two chunks is decoded whole in the later one', async () => {
  const controller = new AbortController();
  const settled = new Promise<ClientResponse>((resolve, reject) => {
    const exchange = new DispatchExchange(controller.signal, resolve, reject);
    const ctl = { abort() {}, pause() {}, resume() {}, aborted: false, paused: false, reason: null };
    exchange.onRequestStart(ctl);
    exchange.onResponseStart(ctl, 200, { 'content-type': 'text/event-stream; charset=utf-8' });
    const bytes = Buffer.from('data: é\n\n');
    exchange.onResponseData(ctl, bytes.subarray(0, 7));
    exchange.onResponseData(ctl, bytes.subarray(7));
    exchange.onResponseEnd();
  });
  const res = await settled;
  assert.deepEqual(
    res.chunks?.map((c) => [c.bytes, c.text]),
    [
      [7, 'data: '],
      [3, 'é\n\n'],
    ],
  );
  assert.equal(res.bytes, 10);
});

test("the recorder sees the undici client's dispatched requests through diagnostics_channel", async () => {
  const session = undiciClient.open({ connections: 4 });
  const recorder = createRecorder();
  recorder.start();
  try {
    await session.request({ url: `${server.url}/get`, signal: AbortSignal.timeout(5000) }); // outside the window: not recorded
    const window = recorder.open('dispatch');
    const responses = await Promise.all(Array.from({ length: 8 }, (_, i) => session.request({ url: `${server.url}/delay/1?i=${i}`, signal: AbortSignal.timeout(5000) })));
    const recording = window.close();
    assert.equal(recording.requests.length, 8);
    assert.deepEqual(recording.leaked, []);
    for (const request of recording.requests) {
      assert.equal(request.status, 200);
      assert.equal(request.method, 'GET');
      assert.match(request.path, /^\/delay\/1\?i=\d$/);
      assert.ok(request.endMs !== undefined && request.firstByteMs !== undefined && request.endMs >= request.firstByteMs);
    }
    assert.deepEqual(
      recording.requests.map((r) => r.bytes).sort(),
      responses.map((r) => r.bytes).sort(),
    );
  } finally {
    recorder.stop();
    await session.close();
  }
});
