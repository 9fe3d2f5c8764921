// The floor under the scale suite's 10,000 × 1,000 point on this machine: no harness at all — undici's
// dispatch() with an empty handler, 1,000 workers in this thread, against a server on a worker thread
// (the delay server, or with --bare a node:http server answering after a 50 ms timer). If this floor
// is above a target, no change to the harness can meet it here. The scale suite runs the same floor
// (src/suites/scale/floor.ts) beside every point; this script is for the floor alone, and --bare.
//
//   npx tsx scripts/scale-floor.ts [--bare] [--rounds 3]
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { LISTEN_BACKLOG } from '../src/server/index.ts';
import { startDelayServerThread } from '../src/server/thread.ts';
import { openFloor } from '../src/suites/scale/floor.ts';

/** The bare server, as plain JavaScript for a worker thread: a fixed body after a 50 ms timer. */
const BARE_SERVER = `
const http = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const body = Buffer.from('{"args":{},"headers":{},"origin":"127.0.0.1","url":"http://127.0.0.1/delay/0.05"}\\n');
const server = http.createServer({ keepAlive: true }, (req, res) => {
  setTimeout(() => res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length }).end(body), workerData.delayMs);
});
server.listen({ port: 0, host: '127.0.0.1', backlog: workerData.backlog }, () => parentPort.postMessage(server.address().port));
`;

const REQUESTS = 10_000;
const CONCURRENCY = 1_000;
const DELAY_MS = 50;

const { values } = parseArgs({ options: { bare: { type: 'boolean', default: false }, rounds: { type: 'string', default: '3' } } });
let origin: string;
let close: () => Promise<unknown>;
if (values.bare) {
  const worker = new Worker(BARE_SERVER, { eval: true, workerData: { delayMs: DELAY_MS, backlog: LISTEN_BACKLOG }, resourceLimits: { maxYoungGenerationSizeMb: 192 } });
  origin = `http://127.0.0.1:${await new Promise<number>((resolve) => worker.once('message', resolve))}`;
  close = () => worker.terminate();
} else {
  const server = await startDelayServerThread({}, { youngGenerationMb: 192 });
  origin = server.url;
  close = () => server.close();
}
const floor = openFloor(origin, '/delay/0.05', CONCURRENCY);
const run = (requests: number, workers: number): Promise<number> => floor.run(requests, workers);
await run(5_000, 100);
await run(2_000, CONCURRENCY);
for (let i = 0; i < Number(values.rounds); i++) {
  const wallMs = await run(REQUESTS, CONCURRENCY);
  const idealMs = (REQUESTS / CONCURRENCY) * DELAY_MS;
  console.log(`${values.bare ? 'bare node:http' : 'delay server'}: ${REQUESTS} × ${CONCURRENCY} in ${wallMs.toFixed(0)} ms = ${(wallMs / idealMs).toFixed(3)}× the ${idealMs} ms ideal`);
}
await floor.close();
await close();
