// Variant rows against the real delay server and recorder: every request recorded without a wrapper,
// leaks and requests the recorder cannot see reported, failed runs kept, the ideal from the timeline.
import assert from 'node:assert/strict';
import http from 'node:http';
import { connect } from 'node:net';
import { after, before, test } from 'node:test';
import { runVariantRow, type VariantRowOptions } from '../../src/bench/variant-row.ts';
import { createRecorder } from '../../src/record/index.ts';
import { startDelayServer, type DelayServer } from '../../src/server/index.ts';

let server: DelayServer;
const recorder = createRecorder();
before(async () => {
  server = await startDelayServer({ timeScale: 0.01 });
  recorder.start();
});
after(async () => {
  recorder.stop();
  await server.close();
});

const options = (spec: VariantRowOptions['spec'], extra: Partial<VariantRowOptions> = {}): VariantRowOptions => ({
  bench: 'b',
  name: 'v',
  spec,
  baseUrl: server.url,
  urls: ['/delay/10', '/delay/5', '/get', '/status/404'].map((path) => `${server.url}${path}`),
  iterations: 3,
  warmup: 1,
  variantTimeoutMs: 5_000,
  recorder,
  serverRequestsReceived: () => server.requestsReceived(),
  ...extra,
});

const nodeGet = (url: string): Promise<void> =>
  new Promise((resolve, reject) => {
    http.get(url, (res) => res.resume().on('end', resolve)).on('error', reject);
  });

test('Promise.all over fetch: 4 requests a run, ideal "all" = the longest served delay, wall close to it', async () => {
  const row = await runVariantRow(
    options({ ideal: 'all', run: async ({ urls, signal }) => Promise.all(urls.map(async (u) => (await fetch(u, { signal })).text())) }),
  );
  assert.equal(row.kind, 'variant');
  assert.equal(row.requests.total, 12);
  assert.deepEqual([row.requests.ok, row.requests.byOutcome['http-error']], [9, 3]);
  assert.equal(row.idealMs, 100);
  assert.equal(row.variant?.idealBasis, 'declared');
  assert.equal(row.variant?.maxInFlight, 4);
  assert.equal(row.variant?.sequentialMs, 150);
  assert.equal(row.variant?.unrecorded, 0);
  assert.ok(row.wallMs.p50 >= 100 && row.wallMs.p50 < 2_000, `wall ${row.wallMs.p50}`);
  assert.equal(row.timeline.length, 4);
  assert.ok(row.timeline.every((r) => r.serverDelayMs !== undefined && r.method === 'GET'));
});

test('node:http one at a time: in flight never above 1, no ideal declared → the lower bound', async () => {
  const row = await runVariantRow(options({ run: async ({ urls }) => { for (const u of urls) await nodeGet(u); } }));
  assert.equal(row.variant?.maxInFlight, 1);
  assert.equal(row.variant?.idealBasis, 'lower-bound');
  assert.equal(row.idealMs, 100);
  assert.ok(row.wallMs.p50 >= 150, 'sequential takes at least the sum');
});

test('a fire-and-forget request is reported leaked, not lost', async () => {
  const row = await runVariantRow(
    options({
      run: async ({ urls }) => {
        void fetch(urls[0]!).then((res) => res.text()).catch(() => undefined); // not awaited
        await (await fetch(urls[2]!)).text();
      },
    }, { iterations: 2, warmup: 0 }),
  );
  assert.equal(row.variant?.leaked, 2);
  const leaked = row.timeline.find((r) => r.leaked);
  assert.equal(leaked?.outcome.kind, 'network-error');
  await new Promise((resolve) => setTimeout(resolve, 150)); // let the leaked requests finish before the next test
});

test('a request the recorder cannot see (a raw socket) shows as unrecorded', async () => {
  const { port } = new URL(server.url);
  const raw = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.end('GET /get HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'));
      socket.on('data', () => undefined).on('end', resolve).on('error', reject);
    });
  const row = await runVariantRow(options({ run: async ({ urls }) => Promise.all([raw(), fetch(urls[2]!).then((r) => r.text())]) }, { iterations: 2, warmup: 0 }));
  assert.equal(row.requests.total, 2, 'only the fetch was recorded');
  assert.equal(row.variant?.unrecorded, 2, 'the server counted one more request per run');
});

test('a run that throws or hangs is a failed run with its requests kept; the row fails only if none succeeded', async () => {
  let calls = 0;
  const row = await runVariantRow(
    options(
      {
        run: async ({ urls, signal }) => {
          calls += 1;
          await (await fetch(urls[2]!, { signal })).text();
          if (calls === 2) throw new Error('bug in the second run');
          if (calls === 3) await new Promise(() => undefined); // never settles
        },
      },
      { iterations: 3, warmup: 0, variantTimeoutMs: 300 },
    ),
  );
  assert.equal(row.iterations, 1, 'one measured run succeeded');
  assert.deepEqual(
    row.variant?.failedRuns.map((run) => [run.iteration, run.error, run.requests]),
    [
      [1, 'bug in the second run', 1],
      [2, 'did not settle within 300 ms (--variant-timeout-ms)', 1],
    ],
  );
  assert.equal(row.requests.total, 3, 'the failed runs\' requests are kept');
  await assert.rejects(
    runVariantRow(options({ run: () => { throw new Error('always'); } }, { iterations: 2, warmup: 0 })),
    /every measured run failed .*always/,
  );
});
