// undici is imported before axios on purpose: axios touches the fetch globals when it loads, which
// loads Node's bundled undici, and whichever undici loads first installs the global dispatcher.
import { Client, Pool, request } from 'undici';
import assert from 'node:assert/strict';
import http from 'node:http';
import https from 'node:https';
import { createServer, type AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import axios from 'axios';
import type { RecordedRequest, Recording } from '../../src/record/model.ts';
import { createRecorder, globalFetchPublishesChunks } from '../../src/record/index.ts';
import { startDelayServer, type DelayServer } from '../../src/server/index.ts';

let server: DelayServer;
let closedPort: number;
const recorder = createRecorder();

before(async () => {
  server = await startDelayServer({ port: 0 });
  // A port that was just free and is closed again: connecting to it is refused.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  recorder.start();
});
after(async () => {
  recorder.stop();
  await server.close();
});

/** Runs `code` inside a window and checks the recorded count against the server's own. */
async function record(label: string, code: () => Promise<unknown>, expectServerCount = true): Promise<Recording> {
  const before = server.requestsReceived();
  const window = recorder.open(label);
  await code();
  const recording = window.close();
  if (expectServerCount) assert.equal(recording.requests.length, server.requestsReceived() - before, 'recorded count = requests the server received');
  return recording;
}

function byPath(recording: Recording, path: string): RecordedRequest {
  const found = recording.requests.find((request) => request.path === path);
  assert.ok(found, `no request for ${path} in ${JSON.stringify(recording.requests.map((r) => r.path))}`);
  return found;
}

function assertTimeline(request: RecordedRequest): void {
  assert.ok(request.startMs >= 0, 'starts inside the window');
  assert.ok(request.firstByteMs !== undefined && request.firstByteMs >= request.startMs, 'first byte after start');
  assert.ok(request.endMs !== undefined && request.endMs >= request.firstByteMs, 'end after first byte');
  assert.equal(request.leaked, false);
}

const nodeGet = (url: string, agent?: http.Agent): Promise<{ status: number; body: string }> =>
  new Promise((resolve, reject) => {
    http
      .get(url, agent ? { agent } : {}, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('error', reject);
      })
      .on('error', reject);
  });

test('global fetch: every request once, with status, outcome, Server-Timing, bytes and body chunks', async () => {
  assert.equal(globalFetchPublishesChunks(), true, 'undici is loaded before any fetch, so its Agent carries global fetch');
  const bodies = new Map<string, string>();
  const recording = await record('fetch', () =>
    Promise.all(['/delay/0.05', '/get', '/status/404'].map(async (path) => bodies.set(path, await (await fetch(`${server.url}${path}`)).text()))),
  );
  assert.equal(recording.requests.length, 3);
  assert.deepEqual(recording.leaked, []);
  assert.deepEqual(recording.incomplete, []);
  for (const [path, body] of bodies) {
    const recorded = byPath(recording, path);
    assertTimeline(recorded);
    assert.equal(recorded.via, 'undici');
    assert.equal(recorded.method, 'GET');
    assert.equal(recorded.origin, server.url);
    assert.equal(recorded.bytes, Buffer.byteLength(body));
    assert.equal(recorded.chunks?.reduce((sum, chunk) => sum + chunk.bytes, 0), Buffer.byteLength(body), 'chunks observed, and they add up');
  }
  const delayed = byPath(recording, '/delay/0.05');
  assert.deepEqual(delayed.outcome, { kind: 'ok' });
  assert.equal(delayed.serverDelayMs, 50);
  assert.ok((delayed.firstByteMs ?? 0) - delayed.startMs >= 45, 'the served delay shows in the first byte');
  assert.deepEqual(byPath(recording, '/status/404').outcome, { kind: 'http-error', status: 404 });
  assert.deepEqual(recording.requests.map((r) => r.index), [0, 1, 2]);
});

test('undici request(), Pool and Client are recorded like fetch', async () => {
  const pool = new Pool(server.url, { connections: 2 });
  const client = new Client(server.url);
  try {
    const recording = await record('undici', async () => {
      await (await request(`${server.url}/get?via=request`)).body.text();
      await (await pool.request({ path: '/get?via=pool', method: 'GET' })).body.text();
      await (await client.request({ path: '/delay/0.02?via=client', method: 'POST', body: 'x' })).body.text();
    });
    assert.deepEqual(recording.requests.map((r) => [r.via, r.method, r.path]), [
      ['undici', 'GET', '/get?via=request'],
      ['undici', 'GET', '/get?via=pool'],
      ['undici', 'POST', '/delay/0.02?via=client'],
    ]);
    for (const recorded of recording.requests) {
      assertTimeline(recorded);
      assert.deepEqual(recorded.outcome, { kind: 'ok' });
      assert.ok((recorded.bytes ?? 0) > 0, 'body bytes counted');
    }
    assert.equal(recording.requests[2]?.serverDelayMs, 20);
  } finally {
    await Promise.all([pool.close(), client.close()]);
  }
});

test('node:http: start at the request, first byte at the headers, end at the body’s end; bytes from Content-Length', async () => {
  const agent = new http.Agent({ keepAlive: true });
  try {
    let body = '';
    const recording = await record('node-http', async () => {
      body = (await nodeGet(`${server.url}/delay/0.03`, agent)).body;
      await nodeGet(`${server.url}/status/503`, agent);
    });
    const [delayed, failed] = recording.requests;
    assert.ok(delayed && failed, 'two requests recorded');
    assertTimeline(delayed);
    assert.equal(delayed.via, 'node:http');
    assert.equal(delayed.origin, server.url);
    assert.equal(delayed.path, '/delay/0.03');
    assert.equal(delayed.serverDelayMs, 30);
    assert.equal(delayed.bytes, Buffer.byteLength(body));
    assert.equal(delayed.chunks, undefined, 'node:http bodies are not read by the recorder');
    assert.deepEqual(failed.outcome, { kind: 'http-error', status: 503 });
    assert.deepEqual(recording.incomplete, []);
  } finally {
    agent.destroy();
  }
});

test('axios (node:http underneath) is recorded without touching its calls', async () => {
  const recording = await record('axios', async () => {
    const results = await Promise.all([axios.get(`${server.url}/get?lib=axios`), axios.post(`${server.url}/anything`, { q: 1 })]);
    assert.deepEqual(results.map((r) => r.status), [200, 200]);
  });
  assert.deepEqual(recording.requests.map((r) => [r.via, r.method, r.path]).sort(), [
    ['node:http', 'GET', '/get?lib=axios'],
    ['node:http', 'POST', '/anything'],
  ]);
  for (const recorded of recording.requests) {
    assertTimeline(recorded);
    assert.deepEqual(recorded.outcome, { kind: 'ok' });
  }
});

test('streamed bodies: one arrival time and size per chunk through undici; node:http without Content-Length is marked incomplete', async () => {
  const recording = await record('stream', async () => {
    const res = await fetch(`${server.url}/drip?numbytes=4&duration=0.2`);
    let read = 0;
    for await (const chunk of res.body ?? []) read += (chunk as Uint8Array).length;
    assert.equal(read, 4);
    await nodeGet(`${server.url}/stream/3`);
  });
  const drip = byPath(recording, '/drip?numbytes=4&duration=0.2');
  assertTimeline(drip);
  const chunks = drip.chunks ?? [];
  assert.ok(chunks.length >= 3, `4 bytes 50 ms apart arrive in several chunks, got ${chunks.length}`);
  assert.equal(chunks.reduce((sum, c) => sum + c.bytes, 0), 4);
  assert.equal(drip.bytes, 4);
  assert.ok((chunks[0]?.atMs ?? -1) >= (drip.firstByteMs ?? Infinity), 'first chunk after the headers');
  for (let i = 1; i < chunks.length; i++) assert.ok((chunks[i]?.atMs ?? 0) >= (chunks[i - 1]?.atMs ?? 0), 'chunks in arrival order');
  assert.ok((chunks.at(-1)?.atMs ?? 0) - (chunks[0]?.atMs ?? 0) >= 75, 'chunks spread over the drip, not stamped at once');
  assert.ok((drip.endMs ?? 0) >= (chunks.at(-1)?.atMs ?? Infinity), 'end after the last chunk');

  const stream = byPath(recording, '/stream/3');
  assertTimeline(stream);
  assert.deepEqual(stream.outcome, { kind: 'ok' });
  assert.equal(stream.bytes, undefined, 'no Content-Length and no chunk events: bytes unknown, not invented');
  assert.deepEqual(recording.incomplete, [stream.index]);
  assert.match(stream.incomplete[0] ?? '', /body bytes not observable/);
});

test('errors: connection refused, reset before headers, reset mid-body', async () => {
  const recording = await record(
    'errors',
    async () => {
      await assert.rejects(fetch(`http://127.0.0.1:${closedPort}/refused-fetch`));
      await assert.rejects(nodeGet(`http://127.0.0.1:${closedPort}/refused-http`));
      await assert.rejects(new Promise((resolve, reject) => https.get(`https://127.0.0.1:${closedPort}/refused-https`, resolve).on('error', reject)));
      await assert.rejects(nodeGet(`${server.url}/reset?at=headers`));
      await assert.rejects(async () => (await request(`${server.url}/reset?at=body&bytes=64`)).body.text());
    },
    false,
  );
  const refused = ['/refused-fetch', '/refused-http', '/refused-https'].map((path) => byPath(recording, path));
  for (const recorded of refused) {
    assert.equal(recorded.outcome?.kind, 'network-error');
    assert.equal(recorded.outcome.kind === 'network-error' && recorded.outcome.code, 'ECONNREFUSED');
    assert.equal(recorded.firstByteMs, undefined);
    assert.equal(recorded.bytes, 0);
    assert.ok(recorded.endMs !== undefined && recorded.endMs >= recorded.startMs, 'ended after it started');
  }
  assert.equal(refused[2]?.origin, `https://127.0.0.1:${closedPort}`);
  const resetEarly = byPath(recording, '/reset?at=headers');
  assert.equal(resetEarly.outcome?.kind, 'network-error');
  assert.equal(resetEarly.status, undefined);
  const resetLate = byPath(recording, '/reset?at=body&bytes=64');
  assert.equal(resetLate.outcome?.kind, 'network-error');
  assert.equal(resetLate.status, 200);
  assert.ok(resetLate.firstByteMs !== undefined, 'headers arrived before the reset');
  assert.equal(resetLate.bytes, 64, 'the partial body that arrived before the reset');
  assert.deepEqual(recording.leaked, []);
  assert.equal(recording.requests.length, 5);
});

test('a fire-and-forget request is leaked: reported with what is known, never finished afterwards', async () => {
  let pending: Promise<unknown> | undefined;
  const recording = await record('leak', async () => {
    pending = fetch(`${server.url}/delay/0.2`).then((res) => res.text());
    await (await fetch(`${server.url}/get`)).text();
  });
  const leaked = byPath(recording, '/delay/0.2');
  assert.deepEqual(recording.leaked, [leaked.index]);
  assert.equal(leaked.leaked, true);
  assert.equal(leaked.endMs, undefined);
  assert.equal(leaked.outcome, undefined);
  const snapshot = structuredClone(recording);
  const next = await record('after the leak', () => pending ?? Promise.resolve(), false);
  assert.deepEqual(recording, snapshot, 'a closed recording does not change');
  assert.deepEqual(next.requests, [], 'the leaked request belongs to the window it started in');
});

test('requests outside any window are never recorded, even when they end inside one', async () => {
  const early = fetch(`${server.url}/delay/0.1`).then((res) => res.text());
  await (await fetch(`${server.url}/get?outside=before`)).text();
  const recording = await record(
    'inside',
    async () => {
      await early;
      await (await fetch(`${server.url}/get?inside`)).text();
    },
    false,
  );
  await (await fetch(`${server.url}/get?outside=after`)).text();
  assert.deepEqual(recording.requests.map((r) => r.path), ['/get?inside']);
});

test('two windows in a row: each its own requests, indexes and time zero', async () => {
  const first = await record('first', async () => {
    await (await fetch(`${server.url}/get?w=1`)).text();
    await (await fetch(`${server.url}/get?w=1b`)).text();
  });
  const second = await record('second', async () => (await fetch(`${server.url}/get?w=2`)).text());
  assert.deepEqual(first.requests.map((r) => [r.index, r.path]), [[0, '/get?w=1'], [1, '/get?w=1b']]);
  assert.deepEqual(second.requests.map((r) => [r.index, r.path]), [[0, '/get?w=2']]);
  assert.ok(second.openedAtMs >= first.openedAtMs + first.durationMs, 'second window opens after the first closed');
  assert.ok((second.requests[0]?.startMs ?? -1) >= 0 && (second.requests[0]?.startMs ?? Infinity) < second.durationMs, 'times relative to the second window');
  assert.equal(first.label, 'first');
});

test('one window at a time; no stop while one is open; closing twice is refused', () => {
  const window = recorder.open('only');
  assert.throws(() => recorder.open('second'), /"only" is still open/);
  assert.throws(() => recorder.stop(), /still open/);
  window.close();
  assert.throws(() => window.close(), /already closed/);
  assert.throws(() => createRecorder().open('x'), /start\(\) the recorder/);
});
