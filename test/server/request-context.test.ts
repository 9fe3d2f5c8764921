// The delay server's per-request context: lazy abort signal, bodies read only when sent.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { startDelayServer } from '../../src/server/index.ts';

const timeouts = (): number => process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;

test('a client that leaves mid-delay cancels the server timer', async () => {
  const server = await startDelayServer({});
  try {
    const before = timeouts();
    const req = request(`${server.url}/delay/5`);
    req.on('error', () => undefined);
    req.end();
    for (let i = 0; i < 100 && timeouts() < before + 1; i++) await sleep(10);
    // The delay's own timer only: /delay is bounded by max delay, so it needs no response deadline.
    assert.equal(timeouts(), before + 1, 'the delay timer is pending');
    req.destroy();
    for (let i = 0; i < 100 && timeouts() > before; i++) await sleep(10);
    assert.equal(timeouts(), before, 'the delay timer was cleared');
  } finally {
    await server.close();
  }
});

test('/delay echoes a posted body and answers a bodiless GET', async () => {
  const server = await startDelayServer({ timeScale: 0.01 });
  try {
    const posted = await fetch(`${server.url}/delay/0.1`, { method: 'POST', body: '{"a":1}', headers: { 'content-type': 'application/json' } });
    const body = (await posted.json()) as { json: unknown; data: string; method: string };
    assert.deepEqual([body.json, body.data, body.method], [{ a: 1 }, '{"a":1}', 'POST']);
    const got = await fetch(`${server.url}/delay/0.1`);
    const empty = (await got.json()) as { data: string; json: unknown };
    assert.deepEqual([got.status, empty.data, empty.json], [200, '', null]);
    assert.match(got.headers.get('server-timing') ?? '', /initial_delay;dur=1\.00/);
  } finally {
    await server.close();
  }
});

test('a malformed delay is a 400 and an unknown path a 404', async () => {
  const server = await startDelayServer({});
  try {
    assert.equal((await fetch(`${server.url}/delay/abc`)).status, 400);
    assert.equal((await fetch(`${server.url}/nope`)).status, 404);
  } finally {
    await server.close();
  }
});
