// Every client stack sends a request's method, headers and body as given, to a port-0 server that keeps
// what it received and echoes the body back.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { CLIENT_NAMES, clients } from '../../src/clients/index.ts';

interface Received {
  method: string;
  url: string;
  contentType: string | undefined;
  apiKey: string | undefined;
  body: string;
}

const received: Received[] = [];
let server: Server;
let origin = '';

before(async () => {
  server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => {
      const body = Buffer.concat(parts).toString('utf8');
      received.push({ method: req.method ?? '', url: req.url ?? '', contentType: req.headers['content-type'], apiKey: req.headers['x-api-key'] as string | undefined, body });
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

// Not ASCII only: the body's bytes, not its characters, must reach the server (Content-Length).
const BODY = JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Grüße, 世界 — summarise' }], stream: false });

for (const name of CLIENT_NAMES) {
  test(`${name}: sends the method, headers and JSON body`, async () => {
    const session = clients[name].open({ connections: 2 });
    try {
      const before = received.length;
      const res = await session.request({
        url: `${origin}/v1/chat/completions?client=${name}`,
        signal: AbortSignal.timeout(5_000),
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': `key-${name}` },
        body: BODY,
      });
      assert.equal(res.status, 200);
      assert.equal(res.bytes, Buffer.byteLength(BODY), 'the echoed body came back whole');
      const got = received.slice(before);
      assert.equal(got.length, 1);
      assert.deepEqual(got[0], { method: 'POST', url: `/v1/chat/completions?client=${name}`, contentType: 'application/json', apiKey: `key-${name}`, body: BODY });
      // Without a body the request is the plain GET it always was.
      await session.request({ url: `${origin}/get`, signal: AbortSignal.timeout(5_000) });
      assert.deepEqual(received.at(-1), { method: 'GET', url: '/get', contentType: undefined, apiKey: undefined, body: '' });
    } finally {
      await session.close();
    }
  });
}
