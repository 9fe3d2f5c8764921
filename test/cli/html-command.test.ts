// The HTML page through the CLI: `report --format html`, `compare --format html` and `run --html FILE`.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runCli } from './helpers.ts';

const path = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

describe('HTML from the CLI', () => {
  it('report --format html prints the golden page', async () => {
    const result = await runCli(['report', path('../fixtures/report-lesson-agent.json'), '--format', 'html']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, await readFile(path('../report/html/golden/report-lesson-agent.html'), 'utf8'));
  });

  it('compare --format html prints the comparison page', async () => {
    const result = await runCli(['compare', path('../fixtures/compare/noisy-base.json'), path('../fixtures/compare/noisy-slower-10pct.json'), '--format', 'html']);
    assert.equal(result.code, 1, 'the regression still sets the exit code');
    assert.ok(result.stdout.startsWith('<!DOCTYPE html>'));
    assert.match(result.stdout, /data-chart="compare" data-marks="3"/, "one mark per metric in both reports");
  });

  it('run --html FILE writes the page after the run; an empty name is bad input', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fanout-bench-html-run-'));
    try {
      const html = join(dir, 'pages', 'run.html');
      const args = ['run', '--suite', 'strategies', '--strategies', 'all,sequential', '--time-scale', '0.01', '--iterations', '1', '--warmup', '0', '--out', dir, '--quiet'];
      const result = await runCli([...args, '--html', html]);
      assert.equal(result.code, 0, result.stderr);
      const page = await readFile(html, 'utf8');
      assert.ok(page.startsWith('<!DOCTYPE html>'));
      assert.match(page, /data-chart="waterfall"/);
      assert.deepEqual((await readdir(join(dir, 'pages'))).sort(), ['run.html'], 'written atomically: no temp file left');
      const bad = await runCli([...args, '--html', ' ']);
      assert.equal(bad.code, 2);
      assert.equal(bad.stderr, 'fanout-bench: --html: expected a file name, e.g. --html results/report.html\n');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
