// A URL set's request entries through the request layer: every try, retries included, carries the
// entry's method, body and headers, with the harness's own headers on top; records keep the method.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { clients } from '../../src/clients/index.ts';
import { REQUEST_ID_HEADER, WARMUP_HEADER } from '../../src/protocol/headers.ts';
import { recordingAttempt } from '../../src/request/attempt.ts';
import { RETRY_DEFAULTS } from '../../src/request/retry.ts';
import { strategies } from '../../src/strategies/index.ts';

interface Try {
  method: string;
  path: string;
  body: string;
  apiKey: string | undefined;
  requestId: string | undefined;
  warmup: string | undefined;
}

const tries: Try[] = [];
let server: Server;
let origin = '';

before(async () => {
  // The first try of every request id's index is rate limited (retry after 5 ms); later tries succeed.
  const seen = new Set<string>();
  server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => {
      const requestId = req.headers[REQUEST_ID_HEADER] as string | undefined;
      tries.push({
        method: req.method ?? '',
        path: req.url ?? '',
        body: Buffer.concat(parts).toString('utf8'),
        apiKey: req.headers['x-api-key'] as string | undefined,
        requestId,
        warmup: req.headers[WARMUP_HEADER] as string | undefined,
      });
      const index = requestId?.split('.')[0] ?? '';
      if (!seen.has(index)) {
        seen.add(index);
        res.writeHead(429, { 'retry-after-ms': '5', 'content-length': '0' });
        res.end();
        return;
      }
      res.writeHead(200, { 'content-length': '2' });
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

test('retried tries resend the body and headers; records keep the method; plain entries stay GETs', async () => {
  const urls = [`${origin}/v1/chat/completions`, `${origin}/get`, `${origin}/v1/messages`];
  const requests = [
    { method: 'POST', body: '{"n":0}', headers: { 'content-type': 'application/json', 'x-api-key': 'team-a' } },
    null,
    { method: 'POST', body: '{"n":2}', headers: { 'content-type': 'application/json', 'x-api-key': 'team-b' } },
  ];
  const session = clients.undici.open({ connections: 3 });
  try {
    const recorder = recordingAttempt(session, urls, performance.now(), 5_000, {
      retry: { ...RETRY_DEFAULTS, budget: 1, seed: 1 },
      requestIdPrefix: 'w0:',
      headers: { [WARMUP_HEADER]: '1' },
      requests,
    });
    await strategies['pool-retry'].run(urls.length, recorder.attempt, 3);
    const records = [...recorder.records].sort((a, b) => a.index - b.index);
    assert.deepEqual(records.map((r) => [r.outcome.kind, r.attempts, r.method]), [['ok', 2, 'POST'], ['ok', 2, undefined], ['ok', 2, 'POST']]);
    const byId = Object.fromEntries(tries.map((t) => [t.requestId, t]));
    for (const [index, key] of [[0, 'team-a'], [2, 'team-b']] as const) {
      for (const attempt of [0, 1]) {
        assert.deepEqual(byId[`w0:${index}.${attempt}`], {
          method: 'POST',
          path: index === 0 ? '/v1/chat/completions' : '/v1/messages',
          body: `{"n":${index}}`,
          apiKey: key,
          requestId: `w0:${index}.${attempt}`,
          warmup: '1',
        });
      }
    }
    for (const attempt of [0, 1]) {
      assert.deepEqual(byId[`w0:1.${attempt}`], { method: 'GET', path: '/get', body: '', apiKey: undefined, requestId: `w0:1.${attempt}`, warmup: '1' });
    }
  } finally {
    await session.close();
  }
});
