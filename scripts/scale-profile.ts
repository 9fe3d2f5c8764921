// Where the client thread's time goes at a scale point: runs the harness (pool + recordingAttempt +
// the chosen client) and, with --floor, the no-harness floor, on this thread against the delay
// server on a worker thread, under the V8 CPU profiler (node:inspector), then prints the top
// self-time functions of the measured runs.
//
//   npx tsx scripts/scale-profile.ts [--requests 10000] [--concurrency 1000] [--client undici] [--runs 3] [--top 25] [--floor] [--out FILE]
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { parseArgs } from 'node:util';
import { clients, type ClientName } from '../src/clients/index.ts';
import { startDelayServerThread } from '../src/server/thread.ts';
import { openFloor } from '../src/suites/scale/floor.ts';
import { warmUp } from '../src/suites/scale/point.ts';
import { SCALE_DEFAULTS } from '../src/suites/scale/options.ts';
import { summarizeProfile, type CpuProfile } from './profile-summary.ts';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '10000' },
    concurrency: { type: 'string', default: '1000' },
    client: { type: 'string', default: 'undici' },
    runs: { type: 'string', default: '3' },
    top: { type: 'string', default: '25' },
    floor: { type: 'boolean', default: false },
    out: { type: 'string' },
  },
});
const requests = Number(values.requests);
const concurrency = Number(values.concurrency);
const server = await startDelayServerThread({}, { youngGenerationMb: SCALE_DEFAULTS.youngGenerationMb });
const url = new URL(SCALE_DEFAULTS.path, server.url).toString();
const session = clients[values.client as ClientName].open({ connections: concurrency });
const floor = openFloor(new URL(server.url).origin, SCALE_DEFAULTS.path, concurrency);
const once = async (): Promise<number> => {
  if (values.floor) return floor.run(requests, concurrency);
  const startMs = performance.now();
  await warmUp(session, url, requests, concurrency, 10_000);
  return performance.now() - startMs;
};
await warmUp(session, new URL('/delay/0', server.url).toString(), 5_000, 100, 10_000);
await warmUp(session, url, concurrency, concurrency, 10_000);
await floor.run(concurrency, concurrency);
const inspector = new Session();
inspector.connect();
await inspector.post('Profiler.enable');
await inspector.post('Profiler.setSamplingInterval', { interval: 100 });
await inspector.post('Profiler.start');
const walls: number[] = [];
for (let i = 0; i < Number(values.runs); i++) walls.push(await once());
const { profile } = (await inspector.post('Profiler.stop')) as { profile: CpuProfile };
inspector.disconnect();
if (values.out) await writeFile(values.out, JSON.stringify(profile));
console.log(`${values.floor ? 'floor' : `harness (${values.client})`} ${requests} × ${concurrency}: walls ${walls.map((w) => w.toFixed(0)).join(', ')} ms`);
console.log(summarizeProfile(profile, Number(values.top)));
await Promise.all([session.close(), floor.close()]);
await server.close();
