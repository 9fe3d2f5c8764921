// Streamed answers keep their chunks: a text/event-stream response's chunks with arrival times and text
// (a character split between two chunks decoded whole), from every client stack; any other response none.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, test } from 'node:test';
import { CLIENT_NAMES, clients } from '../../src/clients/index.ts';

// "é" is two bytes in UTF-8: the server cuts the stream between them.
const EVENTS = ['data: {"choices":[{"delta":{"content":"caf', 'é"}}]}\n\n', 'data: [DONE]\n\n'];
const BYTES = Buffer.from(EVENTS.join(''));
const CUT = Buffer.from(EVENTS[0]!).length + 1;
const JSON_BODY = JSON.stringify({ text: 'not streamed' });

let server: Server;
let origin = '';

before(async () => {
  server = createServer(async (req, res) => {
    if (req.url === '/json') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(JSON_BODY) });
      res.end(JSON_BODY);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
    for (const part of [BYTES.subarray(0, CUT), BYTES.subarray(CUT)]) {
      res.write(part);
      await sleep(150);
    }
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

for (const name of CLIENT_NAMES) {
  test(`${name}: an event stream's chunks with times and text; a JSON answer has none`, async () => {
    const session = clients[name].open({ connections: 2 });
    try {
      const res = await session.request({ url: `${origin}/sse`, signal: AbortSignal.timeout(5_000) });
      const chunks = res.chunks ?? [];
      assert.ok(chunks.length >= 2, `the two writes 150 ms apart arrive as separate chunks (${chunks.length})`);
      assert.equal(chunks.map((c) => c.text).join(''), EVENTS.join(''));
      assert.equal(chunks.reduce((sum, c) => sum + c.bytes, 0), res.bytes);
      assert.equal(res.bytes, BYTES.length);
      for (const [i, chunk] of chunks.entries()) {
        assert.ok(chunk.atMs >= res.firstByteMs && chunk.atMs <= res.endMs, `chunk ${i} at ${chunk.atMs} within ${res.firstByteMs}…${res.endMs}`);
        if (i > 0) assert.ok(chunk.atMs >= chunks[i - 1]!.atMs);
      }
      assert.ok(chunks.at(-1)!.atMs - chunks[0]!.atMs >= 30, 'the second write is stamped when it arrived, not when the body ended');

      const plain = await session.request({ url: `${origin}/json`, signal: AbortSignal.timeout(5_000) });
      assert.equal(plain.bytes, Buffer.byteLength(JSON_BODY));
      assert.equal(plain.chunks, undefined);
    } finally {
      await session.close();
    }
  });
}
