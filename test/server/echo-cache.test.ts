// The cached echo body: the last request's bytes are reused only for the very same request.
import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { test } from 'node:test';
import { cachedEchoBody } from '../../src/server/echo-cache.ts';

const request = (url: string, rawHeaders: string[], method = 'GET') => ({ method, url, rawHeaders }) as unknown as IncomingMessage;

test('the same request gets the same bytes; a different method, target, origin or header builds its own', () => {
  let builds = 0;
  const echo = (req: IncomingMessage, origin: string): string =>
    cachedEchoBody(req, origin, () => {
      builds += 1;
      return { url: req.url, method: req.method, origin, headers: req.rawHeaders };
    }).toString();
  const headers = ['Host', '127.0.0.1:8080', 'Connection', 'keep-alive'];
  const first = echo(request('/get', [...headers]), '127.0.0.1');
  assert.equal(echo(request('/get', [...headers]), '127.0.0.1'), first);
  assert.equal(builds, 1);
  assert.deepEqual(JSON.parse(first), { url: '/get', method: 'GET', origin: '127.0.0.1', headers });
  const variants: Array<[IncomingMessage, string]> = [
    [request('/get', [...headers], 'HEAD'), '127.0.0.1'],
    [request('/get?a=1', [...headers]), '127.0.0.1'],
    [request('/get', [...headers]), '::1'],
    [request('/get', ['Host', '127.0.0.1:8080', 'Connection', 'close']), '127.0.0.1'],
    [request('/get', [...headers, 'X-Extra', '1']), '127.0.0.1'],
  ];
  for (const [req, origin] of variants) {
    const body = JSON.parse(echo(req, origin)) as { url: string; method: string; origin: string; headers: string[] };
    assert.deepEqual(body, { url: req.url, method: req.method, origin, headers: req.rawHeaders });
  }
  // Back to the first request: still its own bytes (from the keyed cache, not rebuilt).
  const before = builds;
  assert.equal(echo(request('/get', [...headers]), '127.0.0.1'), first);
  assert.equal(builds, before);
});
