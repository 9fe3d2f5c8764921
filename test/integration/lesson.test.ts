// The lesson's URL set at a small time scale against the real delay server, end to end.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadFixture } from '../../src/run/fixtures.ts';
import type { Report } from '../../src/model/report.ts';
import { parseReport } from '../../src/model/schema.ts';
import { runBench } from '../../src/run/run-bench.ts';
import { runCli } from '../cli/helpers.ts';

const LESSON = new URL('../../fixtures/lesson.json', import.meta.url).pathname;
const TIME_SCALE = 0.05; // /delay/2 → 100 ms

describe('lesson set against the real server', () => {
  it('measures every strategy against its ideal and records every request', async () => {
    const snapshots: Report[] = [];
    const report = await runBench({
      suites: ['strategies'],
      fixtures: [await loadFixture(LESSON)],
      strategies: ['sequential', 'all', 'all-settled', 'pool', 'batched'],
      concurrency: [2],
      client: 'undici',
      iterations: 3,
      warmup: 1,
      timeScale: TIME_SCALE,
      timeoutMs: 5000,
      onReport: async (snapshot) => {
        snapshots.push(structuredClone(snapshot));
      },
    });
    assert.equal(report.complete, true);
    assert.deepEqual(report.errors, []);
    assert.ok(snapshots.length >= 2 && snapshots[0]?.complete === false, 'a partial report is handed over before the end');
    parseReport(JSON.parse(JSON.stringify(report)), 'report');

    const row = (name: string) => report.strategies.find((r) => r.name === name)!;
    // Ideals come from the delays the server served: 150 ms in sequence, 100 ms at best concurrently.
    assert.equal(row('sequential').idealMs, 150);
    for (const name of ['all', 'all-settled', 'pool', 'batched']) assert.equal(row(name).idealMs, 100, name);
    for (const r of report.strategies) {
      assert.equal(r.wallMs.samples.length, 3);
      assert.ok(r.wallMs.p50 >= r.idealMs, `${r.name} cannot beat its ideal`);
      assert.ok(r.wallMs.p50 < r.idealMs * 1.5 + 20, `${r.name} wall ${r.wallMs.p50} far above ideal ${r.idealMs}`);
      assert.deepEqual(r.requests, { total: 12, ok: 9, failed: 3, byOutcome: { ok: 9, 'http-error': 3, 'network-error': 0, timeout: 0 } });
      assert.equal(r.timeline.length, 4);
      assert.deepEqual(r.timeline.find((t) => t.url.endsWith('/status/404'))?.outcome, { kind: 'http-error', status: 404 });
    }
    // Scheduling semantics, with a generous margin: concurrency beats sequence.
    assert.ok(row('all').wallMs.p50 < row('sequential').wallMs.p50 * 0.85);
    assert.ok((row('all').speedup ?? 0) > 1.2);
    // pool(2) starts /get only when /delay/1 frees a worker; batched waits for the slower /delay/2.
    const poolGet = row('pool').timeline.find((t) => t.url.endsWith('/get'))!;
    const batchedGet = row('batched').timeline.find((t) => t.url.endsWith('/get'))!;
    assert.ok(poolGet.startMs >= 45 && poolGet.startMs < batchedGet.startMs, `pool /get at ${poolGet.startMs}, batched at ${batchedGet.startMs}`);
  });

  it('`run --json` prints only the report and writes it atomically to --out', async () => {
    const out = mkdtempSync(join(tmpdir(), 'fanout-run-'));
    const result = await runCli(['run', '--urls', LESSON, '--strategies', 'sequential,all', '--time-scale', '0.02', '--iterations', '2', '--warmup', '0', '--json', '--out', out]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr, '');
    const printed = parseReport(JSON.parse(result.stdout), 'stdout');
    const files = readdirSync(out).sort();
    assert.equal(files.length, 2, files.join(','));
    assert.ok(files.includes('latest.json'));
    const latest = parseReport(JSON.parse(readFileSync(join(out, 'latest.json'), 'utf8')), 'latest.json');
    assert.deepEqual(latest, printed);
    assert.equal(latest.strategies.length, 2);
  });
});
