// The floor under the scale suite's 10,000 × 1,000 point on this machine: no harness at all — undici's
// dispatch() with an empty handler, 1,000 workers in this thread, against a server on a worker thread
// (the delay server, or with --bare a node:http server answering after a 50 ms timer). If this floor
// is above a target, no change to the harness can meet it here.
//
//   npx tsx scripts/scale-floor.ts [--bare] [--rounds 3]
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { Agent, type Dispatcher } from 'undici';
import { LISTEN_BACKLOG } from '../src/server/index.ts';
import { startDelayServerThread } from '../src/server/thread.ts';

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
const agent = new Agent({ connections: CONCURRENCY, pipelining: 1, keepAliveTimeout: 30_000 });
const handler = (resolve: () => void, reject: (error: Error) => void): Dispatcher.DispatchHandler => ({
  onRequestStart: () => {},
  onResponseStart: () => {},
  onResponseData: () => {},
  onResponseEnd: () => resolve(),
  onResponseError: (_controller, error) => reject(error),
});
const one = (): Promise<void> => new Promise((resolve, reject) => agent.dispatch({ origin, path: '/delay/0.05', method: 'GET' }, handler(resolve, reject)));
const run = async (requests: number, workers: number): Promise<number> => {
  let next = 0;
  const startMs = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < requests) {
        next += 1;
        await one();
      }
    }),
  );
  return performance.now() - startMs;
};
await run(5_000, 100);
await run(2_000, CONCURRENCY);
for (let i = 0; i < Number(values.rounds); i++) {
  const wallMs = await run(REQUESTS, CONCURRENCY);
  const idealMs = (REQUESTS / CONCURRENCY) * DELAY_MS;
  console.log(`${values.bare ? 'bare node:http' : 'delay server'}: ${REQUESTS} × ${CONCURRENCY} in ${wallMs.toFixed(0)} ms = ${(wallMs / idealMs).toFixed(3)}× the ${idealMs} ms ideal`);
}
await agent.close();
await close();
