// Per-request overhead in a sequential strategy row: a request's time beyond the delay the server
// says it served, through the harness (sequential strategy, recordingAttempt, the undici client),
// against the same request replayed with bare undici (request() on its own Agent, body dumped) after
// the same idle gap, interleaved row by row in one run, on the lesson and agent sets.
//
//   npx tsx scripts/strategy-overhead.ts [--time-scale 0.25] [--iterations 8]
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { Agent, request } from 'undici';
import { clients } from '../src/clients/index.ts';
import { loadFixture } from '../src/run/fixtures.ts';
import { startDelayServer } from '../src/server/index.ts';
import { median } from '../src/stats/median.ts';
import { quantile } from '../src/stats/percentile.ts';
import { sequential } from '../src/strategies/sequential.ts';
import { recordingAttempt } from '../src/request/attempt.ts';
import { servedDelayMs } from '../src/protocol/server-timing.ts';

const { values } = parseArgs({ options: { 'time-scale': { type: 'string', default: '0.25' }, iterations: { type: 'string', default: '8' } } });
const timeScale = Number(values['time-scale']);
const iterations = Number(values.iterations);
const server = await startDelayServer({ timeScale });
const origin = server.url.replace(/\/$/, '');

for (const file of ['fixtures/lesson.json', 'fixtures/agent.json']) {
  const fixture = await loadFixture(file);
  const urls = fixture.paths.map((path) => `${origin}${path}`);
  const session = clients.undici.open({ connections: 1 });
  const agent = new Agent({ connections: 1, keepAliveTimeout: 30_000, pipelining: 1 });
  const harness: number[] = [];
  const bare: number[] = [];
  const bareOnce = async (url: string): Promise<number> => {
    const startMs = performance.now();
    const res = await request(url, { dispatcher: agent });
    await res.body.dump();
    const header = res.headers['server-timing'];
    return performance.now() - startMs - (servedDelayMs(typeof header === 'string' ? header : null) ?? 0);
  };
  // One unmeasured round of each, so sockets are open and code is warm.
  await sequential.run(urls.length, recordingAttempt(session, urls, performance.now(), 10_000).attempt);
  for (const url of urls) await bareOnce(url);
  for (let i = 0; i < iterations; i++) {
    const recorder = recordingAttempt(session, urls, performance.now(), 10_000);
    await sequential.run(urls.length, recorder.attempt);
    const records = recorder.records.sort((a, b) => a.index - b.index);
    // The idle gap before each request in the row is the previous request's time (0 for the first).
    const gaps = records.map((_r, j) => (j === 0 ? 0 : (records[j - 1]?.endMs ?? 0) - (records[j - 1]?.startMs ?? 0)));
    for (const r of records) harness.push(r.endMs - r.startMs - (r.serverDelayMs ?? 0));
    // The bare replay: each request after the same idle gap on an otherwise idle connection.
    for (const [j, url] of urls.entries()) {
      await sleep(gaps[j] ?? 0);
      bare.push(await bareOnce(url));
    }
  }
  const p = (xs: number[], q: number): string => quantile(xs, q).toFixed(2);
  console.log(
    `${fixture.name}: ${harness.length} requests each; overhead beyond served delay, ms — harness p50 ${p(harness, 0.5)} p90 ${p(harness, 0.9)} max ${p(harness, 1)}; ` +
      `bare undici p50 ${p(bare, 0.5)} p90 ${p(bare, 0.9)} max ${p(bare, 1)}; harness ÷ bare (p50) ${(median(harness) / median(bare)).toFixed(2)}×`,
  );
  await Promise.all([session.close(), agent.close()]);
}
await server.close();
