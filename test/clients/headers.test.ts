// Every client stack lets the harness read response headers (Retry-After for retries).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CLIENT_NAMES, clients } from '../../src/clients/index.ts';
import { startDelayServer, type DelayServer } from '../../src/server/index.ts';

let server: DelayServer;
before(async () => (server = await startDelayServer({})));
after(() => server.close());

test('each client exposes response headers and the served delay', async () => {
  for (const name of CLIENT_NAMES) {
    const session = clients[name].open({ connections: 1 });
    try {
      const url = `${server.url}/ratelimit?limit=1&window_s=10&key=${name}`;
      await session.request({ url, signal: AbortSignal.timeout(5000) });
      const res = await session.request({ url, signal: AbortSignal.timeout(5000) });
      assert.equal(res.status, 429, name);
      assert.ok(res.header, `${name} exposes headers`);
      assert.match(res.header('retry-after') ?? '', /^\d+$/, name);
      assert.equal(res.header('x-no-such-header'), null, name);
    } finally {
      await session.close();
    }
  }
});
