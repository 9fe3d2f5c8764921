// SIGINT mid-run, end to end through the real binary: requests in flight are aborted, the partial
// report is written atomically with complete:false, and the exit code is 130.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseReport } from '../../src/model/schema.ts';

const BIN = fileURLToPath(new URL('../../bin/fanout-bench.js', import.meta.url));
const LESSON = fileURLToPath(new URL('../../fixtures/lesson.json', import.meta.url));

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (performance.now() > deadline) throw new Error(`nothing after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('SIGINT mid-run: exit 130 promptly, partial report valid against the schema with complete:false', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'fanout-sigint-'));
  const out = join(dir, 'out');
  // A second URL set slow enough (2 s per request at this time scale) to be mid-request when the signal lands.
  const slow = join(dir, 'slow.json');
  await writeFile(slow, JSON.stringify({ name: 'slow', urls: ['/delay/10', '/delay/10', '/get'] }));
  try {
    const child = spawn(process.execPath, [BIN, 'run', '--time-scale', '0.2', '--iterations', '1', '--warmup', '0', '--urls', LESSON, '--urls', slow, '--out', out, '--quiet'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // The first report file appears once the first URL set is done; then the slow set is in flight.
    await waitFor(async () => ((await readdir(out).catch((): string[] => [])).includes('latest.json') ? true : undefined), 30_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const signalledMs = performance.now();
    child.kill('SIGINT');
    const code = await exited;
    const exitMs = performance.now() - signalledMs;
    t.diagnostic(`exit code ${code} ${exitMs.toFixed(0)} ms after SIGINT; stderr: ${JSON.stringify(stderr)}`);
    assert.equal(code, 130);
    assert.ok(exitMs < 1_500, `in-flight 2 s requests aborted promptly, exited after ${exitMs} ms`);

    const files = await readdir(out);
    assert.deepEqual(files.filter((f) => f.endsWith('.tmp')), [], 'no temp files left behind');
    const report = parseReport(JSON.parse(await readFile(join(out, 'latest.json'), 'utf8')), 'latest.json');
    assert.equal(report.complete, false);
    assert.notEqual(report.finishedAt, null);
    const lessonRows = report.strategies.filter((row) => row.fixture === 'lesson');
    assert.ok(lessonRows.length >= 1, 'the finished URL set is in the report');
    for (const row of lessonRows) assert.equal(row.requests.total, 4, `${row.name}: every request recorded`);
    assert.deepEqual(report.errors, [], 'an interruption is not a strategy error');
    const [stamped] = files.filter((f) => /^\d{4}-.*\.json$/.test(f));
    assert.ok(stamped, 'the timestamped report exists');
    assert.equal(await readFile(join(out, stamped), 'utf8'), await readFile(join(out, 'latest.json'), 'utf8'));
    t.diagnostic(`partial report: ${report.strategies.map((r) => `${r.fixture}/${r.name}`).join(', ')}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
