// What the request recorder costs per recorded request: sequential GET /get loops with the recorder
// off and on, interleaved, medians over pairs, for undici and node:http. The server runs on a worker
// thread so its work does not land on the measured loop.
//
//   npx tsx scripts/recorder-cost.ts [--requests 2000] [--pairs 8]
import { parseArgs } from 'node:util';
import { measureRecorderCost, measureRecorderEventCost, type CostStack } from '../src/record/cost.ts';
import { startDelayServerThread } from '../src/server/thread.ts';

const { values } = parseArgs({ options: { requests: { type: 'string', default: '2000' }, pairs: { type: 'string', default: '8' } } });
const requests = Number(values.requests);
const pairs = Number(values.pairs);
if (!Number.isInteger(requests) || requests < 1 || requests > 100_000 || !Number.isInteger(pairs) || pairs < 1 || pairs > 50) {
  console.error('--requests must be an integer in [1, 100000] and --pairs in [1, 50]');
  process.exit(2);
}

const server = await startDelayServerThread();
try {
  console.log(`recorder cost: ${requests} sequential GET /get per loop, ${pairs} off/on pairs (interleaved), node ${process.version}`);
  const events = measureRecorderEventCost(requests * 10, pairs);
  console.log(`events only (${requests * 10} requests' undici messages published by hand, ${pairs} rounds): +${(events.medianMsPerRequest * 1000).toFixed(2)} µs/request (median; rounds ${events.rounds.map((ms) => (ms * 1000).toFixed(2)).join(' ')})`);
  for (const stack of ['undici', 'node:http'] as CostStack[]) {
    const cost = await measureRecorderCost({ baseUrl: server.url, stack, requests, pairs });
    const lost = cost.pairs.filter((pair) => pair.recorded !== requests).length;
    const deltas = cost.pairs.map((pair) => (((pair.onMs - pair.offMs) * 1000) / requests).toFixed(1)).join(' ');
    console.log(
      `${stack.padEnd(9)} off ${(cost.medianOffMsPerRequest * 1000).toFixed(1)} µs/request, recording +${(cost.medianDeltaMsPerRequest * 1000).toFixed(1)} µs/request (median; ` +
        `${((cost.medianDeltaMsPerRequest / cost.medianOffMsPerRequest) * 100).toFixed(1)} %); per pair: ${deltas}${lost > 0 ? `; ${lost} pairs recorded the wrong count` : ''}`,
    );
  }
} finally {
  await server.close();
}
