import assert from 'node:assert/strict';
import { setTimeout as wait } from 'node:timers/promises';
import { test } from 'node:test';
import { startDelayServer } from '../../src/server/index.ts';

const timers = (): number => process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;

test('a /delay whose client goes away stops its timer; closing the server cuts delays short', async () => {
  const server = await startDelayServer({ port: 0 });
  try {
    const before = timers();
    const controller = new AbortController();
    const gone = fetch(`${server.url}/delay/5`, { signal: controller.signal }).catch((error: unknown) => error);
    await wait(50);
    assert.equal(timers(), before + 1, 'the delay is a pending timer');
    controller.abort();
    await gone;
    await wait(50);
    assert.equal(timers(), before, 'the timer was cleared when the client left');

    const pending = fetch(`${server.url}/delay/5`).then(
      (res) => res.status,
      (error: { cause?: { code?: string } }) => error.cause?.code ?? 'rejected',
    );
    await wait(50);
    const startMs = performance.now();
    await server.close();
    assert.ok(performance.now() - startMs < 1000);
    assert.notEqual(await pending, 200);
  } finally {
    await server.close();
  }
});
