// How the HTML report copes with a big fan-out: a seeded 10,000-request timeline (pool of 1,000,
// 20–80 ms calls, some failing or retried) rendered to a page; prints its size, the render time in
// node and the load time in headless chromium. `npx tsx scripts/html-timeline.ts [requests] [k]`
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { readFileSync, writeFileSync } from 'node:fs';
import type { RequestRecord, StrategyResult } from '../src/model/records.ts';
import type { Report } from '../src/model/report.ts';
import { htmlReporter } from '../src/report/html/index.ts';
import { parseReport } from '../src/model/schema.ts';
import { seededRandom } from '../src/stats/random.ts';
import { launchChromium } from './chromium.ts';

const requests = Number(process.argv[2] ?? 10_000);
const k = Number(process.argv[3] ?? 1_000);

function timeline(): { records: RequestRecord[]; wallMs: number } {
  const random = seededRandom(7);
  const free = Array.from({ length: k }, () => 0);
  const records: RequestRecord[] = [];
  for (let index = 0; index < requests; index++) {
    const worker = free.indexOf(Math.min(...free));
    const startMs = (free[worker] ?? 0) + random() * 0.3;
    const delayMs = 20 + random() * 60;
    const fails = random() < 0.05;
    const retried = !fails && random() < 0.03;
    const firstTryMs = retried ? delayMs : 0;
    const endMs = startMs + firstTryMs + (retried ? 10 : 0) + delayMs + 1;
    records.push({
      index,
      url: `http://127.0.0.1/delay/${(delayMs / 1000).toFixed(3)}`,
      queuedMs: 0,
      startMs,
      firstByteMs: endMs - 0.3,
      endMs,
      outcome: fails ? { kind: 'http-error', status: 503 } : { kind: 'ok' },
      status: fails ? 503 : 200,
      bytes: 300,
      serverDelayMs: delayMs,
      ...(retried
        ? { attempts: 2, failedAttempts: [{ startMs, endMs: startMs + firstTryMs, outcome: { kind: 'http-error', status: 429 } as const, status: 429, waitMs: 10, retryAfter: true }] }
        : {}),
    });
    free[worker] = endMs;
  }
  return { records, wallMs: Math.max(...records.map((r) => r.endMs)) };
}

const base = parseReport(JSON.parse(readFileSync(new URL('../test/fixtures/report-lesson-agent.json', import.meta.url), 'utf8')), 'fixture');
const template = base.strategies[0] as StrategyResult;
const { records, wallMs } = timeline();
const failed = records.filter((r) => r.outcome.kind !== 'ok').length;
const row: StrategyResult = {
  ...template,
  fixture: 'bulk',
  name: 'pool',
  concurrency: k,
  wallMs: { ...template.wallMs, p50: wallMs, min: wallMs, max: wallMs, samples: [wallMs] },
  idealMs: wallMs * 0.95,
  overheadMs: wallMs * 0.05,
  speedup: null,
  requests: { total: requests, ok: requests - failed, failed, byOutcome: { ok: requests - failed, 'http-error': failed, 'network-error': 0, timeout: 0 } },
  timeline: records,
};
const report: Report = { ...base, fixtures: [{ name: 'bulk', description: `${requests} requests through a pool of ${k}`, urls: [] }], strategies: [row] };

const renderMs: number[] = [];
let html = '';
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  html = htmlReporter.render(report);
  renderMs.push(performance.now() - t0);
}
renderMs.sort((a, b) => a - b);
const bytes = Buffer.byteLength(html);
console.log(`${requests} requests, pool(${k}): page ${(bytes / 1e6).toFixed(2)} MB (${(gzipSync(html).length / 1e3).toFixed(0)} kB gzipped), render in node p50 ${renderMs[2]?.toFixed(0)} ms over 5`);

if (process.env.DUMP_HTML) writeFileSync(process.env.DUMP_HTML, html);
const dir = await mkdtemp(join(tmpdir(), 'fanout-bench-timeline-'));
const browser = await launchChromium();
try {
  const file = join(dir, 'timeline.html');
  await writeFile(file, html);
  const loads: number[] = [];
  for (let i = 0; i < 3; i++) {
    const page = await browser.context.newPage();
    const t0 = performance.now();
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    // Two animation frames after load: layout and the first paint of every SVG are done.
    await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
    loads.push(performance.now() - t0);
    const marks = await page.$$eval('.mark', (nodes) => nodes.length);
    if (marks !== requests + 1) throw new Error(`expected ${requests + 1} marks (requests + the wall row), found ${marks}`);
    await page.close();
  }
  loads.sort((a, b) => a - b);
  console.log(`chromium: load to painted p50 ${loads[1]?.toFixed(0)} ms over 3 (min ${loads[0]?.toFixed(0)}, max ${loads[2]?.toFixed(0)})`);
} finally {
  await browser.close();
  await rm(dir, { recursive: true, force: true });
}
