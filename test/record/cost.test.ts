import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { measureRecorderCost, measureRecorderEventCost } from '../../src/record/cost.ts';
import { startDelayServer, type DelayServer } from '../../src/server/index.ts';

let server: DelayServer;
before(async () => (server = await startDelayServer({ port: 0 })));
after(() => server.close());

for (const stack of ['undici', 'node:http'] as const) {
  test(`recorder cost over ${stack}: every "on" loop records every request, and the server saw both loops`, async () => {
    const before = server.requestsReceived();
    const cost = await measureRecorderCost({ baseUrl: server.url, stack, requests: 5, pairs: 3 });
    assert.equal(cost.pairs.length, 3);
    assert.deepEqual(cost.pairs.map((pair) => pair.recorded), [5, 5, 5]);
    // Warm-up off and on loops, then three pairs.
    assert.equal(server.requestsReceived() - before, 5 * 2 + 5 * 2 * 3);
    assert.ok(cost.medianOffMsPerRequest > 0 && Number.isFinite(cost.medianDeltaMsPerRequest), 'figures computed');
  });
}

test('recorder event cost: every hand-published request is recorded, one figure per round', () => {
  const cost = measureRecorderEventCost(200, 3);
  assert.equal(cost.rounds.length, 3);
  assert.ok(cost.rounds.every(Number.isFinite), 'finite per-round figures');
  assert.equal(cost.medianMsPerRequest, [...cost.rounds].sort((a, b) => a - b)[1]);
});
