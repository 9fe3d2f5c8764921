// What the diagnostics-channel recorder costs at a scale point: the same harness run (pool + the
// chosen client, every request recorded as the scale suite does) with a recorder window open around
// it and without, interleaved (off on, on off, …) in one process, against the delay server on a
// worker thread. Prints each pair and the medians: on ÷ off wall, and the difference per request in
// wall time and in client-thread busy time. The scale suite's `--scale-recorder` measures the
// recorded side against the floor instead.
//
//   node --max-semi-space-size=64 --import tsx scripts/scale-recorder-cost.ts [--requests 10000] [--concurrency 1000] [--pairs 6] [--client undici]
import { parseArgs } from 'node:util';
import { clients, CLIENT_NAMES, type ClientName } from '../src/clients/index.ts';
import { createRecorder } from '../src/record/index.ts';
import { startDelayServerThread } from '../src/server/thread.ts';
import { median } from '../src/stats/median.ts';
import { fullGc } from '../src/suites/scale/gc.ts';
import { SCALE_DEFAULTS } from '../src/suites/scale/options.ts';
import { measurePoint, warmUp, warmUpPoint, type PointOptions } from '../src/suites/scale/point.ts';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '10000' },
    concurrency: { type: 'string', default: '1000' },
    pairs: { type: 'string', default: '6' },
    client: { type: 'string', default: 'undici' },
  },
});
const requests = Number(values.requests);
const concurrency = Number(values.concurrency);
const pairs = Number(values.pairs);
const client = values.client as ClientName;
if (![requests, concurrency, pairs].every((n) => Number.isInteger(n) && n > 0) || requests > 100_000 || concurrency > 1_000 || pairs > 20 || !CLIENT_NAMES.includes(client)) {
  console.error(`--requests ≤ 100000, --concurrency ≤ 1000 and --pairs ≤ 20 must be positive integers; --client one of ${CLIENT_NAMES.join(', ')}`);
  process.exit(2);
}

const server = await startDelayServerThread({}, { youngGenerationMb: SCALE_DEFAULTS.youngGenerationMb });
const session = clients[client].open({ connections: concurrency });
const recorder = createRecorder();
const base: PointOptions = { session, baseUrl: server.url, path: SCALE_DEFAULTS.path, requests, concurrency, timeoutMs: 10_000, memorySampleMs: SCALE_DEFAULTS.memorySampleMs, serverLoop: server.eventLoopUtilization };
try {
  await warmUp(session, new URL(SCALE_DEFAULTS.jitWarmup.path, server.url).toString(), SCALE_DEFAULTS.jitWarmup.requests, SCALE_DEFAULTS.jitWarmup.concurrency, 10_000);
  await warmUpPoint(base);
  const run = async (recorded: boolean): Promise<{ wallMs: number; busyMs: number }> => {
    fullGc();
    const point = await measurePoint(recorded ? { ...base, recorder } : base, null);
    if (point.failed > 0) throw new Error(`${point.failed} requests failed`);
    return { wallMs: point.wallMs, busyMs: point.wallMs * point.loopUtilization.client };
  };
  await run(true); // the recorder's own code warm too
  console.log(`recorder at scale: ${requests} × ${concurrency} through ${client}, ${pairs} off/on pairs interleaved, node ${process.version}`);
  const rows: { off: { wallMs: number; busyMs: number }; on: { wallMs: number; busyMs: number } }[] = [];
  for (let i = 0; i < pairs; i++) {
    let off;
    let on;
    if (i % 2 === 0) {
      off = await run(false);
      on = await run(true);
    } else {
      on = await run(true);
      off = await run(false);
    }
    rows.push({ off, on });
    const usPerRequest = (ms: number): string => `${((ms * 1000) / requests).toFixed(1)} µs`;
    console.log(
      `pair ${i + 1} (${i % 2 === 0 ? 'off first' : 'on first'}): wall off ${off.wallMs.toFixed(0)} ms, on ${on.wallMs.toFixed(0)} ms (×${(on.wallMs / off.wallMs).toFixed(3)}); ` +
        `client busy off ${usPerRequest(off.busyMs)}, on ${usPerRequest(on.busyMs)} per request`,
    );
  }
  const ratio = median(rows.map((r) => r.on.wallMs / r.off.wallMs));
  const wallUs = median(rows.map((r) => ((r.on.wallMs - r.off.wallMs) * 1000) / requests));
  const busyUs = median(rows.map((r) => ((r.on.busyMs - r.off.busyMs) * 1000) / requests));
  console.log(`median: wall on ÷ off ×${ratio.toFixed(3)}; +${wallUs.toFixed(1)} µs of wall and +${busyUs.toFixed(1)} µs of client-thread busy time per request`);
} finally {
  await session.close();
  await server.close();
}
