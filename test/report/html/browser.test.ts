// The HTML pages opened from disk in headless Debian chromium: no console errors, no request
// beyond the file itself, every chart drawn with as many marks as the report has rows and points,
// light and dark, and a screenshot written. Fails (never skips) when chromium is missing.
import assert from 'node:assert/strict';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { launchChromium, type Browser } from '../../../scripts/chromium.ts';
import { compareReports } from '../../../src/compare/compare.ts';
import { comparisonHtmlReporter } from '../../../src/compare/reporters/html.ts';
import { htmlReporter } from '../../../src/report/html/index.ts';
import { fixture } from '../../compare/fixtures.ts';
import { expectedMarks } from './expected-marks.ts';
import { fullReport, llmReport } from './full-report.ts';

interface Opened {
  requests: string[];
  errors: string[];
  marks: Record<string, number>;
  figures: Array<{ chart: string; widthPx: number; heightPx: number; tables: number }>;
  background: string;
}

describe('HTML pages in headless chromium', () => {
  let browser: Promise<Browser> | null = null;
  let dir: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fanout-bench-html-'));
  });
  after(async () => {
    await (await browser?.catch(() => null))?.close();
    await rm(dir, { recursive: true, force: true });
  });

  // Launched inside the first test, so a missing chromium fails that test (a failing hook is not counted as a failed test).
  async function open(name: string, html: string, colorScheme: 'light' | 'dark'): Promise<Opened> {
    browser ??= launchChromium();
    const { context } = await browser;
    const file = join(dir, `${name}.html`);
    await writeFile(file, html);
    const page = await context.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.emulateMedia({ colorScheme });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    const figures = await page.$$eval('figure.chart', (nodes) =>
      nodes.map((node) => {
        const box = node.querySelector('svg')?.getBoundingClientRect();
        return { chart: node.getAttribute('data-chart') ?? '', marks: node.querySelectorAll('.mark').length, widthPx: box?.width ?? 0, heightPx: box?.height ?? 0, tables: node.querySelectorAll('table').length };
      }),
    );
    const marks: Record<string, number> = {};
    for (const f of figures) marks[f.chart] = (marks[f.chart] ?? 0) + f.marks;
    const background = String(await page.evaluate('getComputedStyle(document.body).backgroundColor'));
    const shot = join(dir, `${name}-${colorScheme}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    assert.ok((await stat(shot)).size > 10_000, `screenshot ${shot} written`);
    await page.close();
    return { requests, errors, marks, figures, background };
  }

  it('the full report: every chart drawn with one mark per row or point, no errors, no network', async () => {
    const report = fullReport();
    const light = await open('report', htmlReporter.render(report), 'light');
    assert.deepEqual(light.errors, []);
    assert.equal(light.requests.length, 1, `only the page itself is requested, got ${light.requests.join(', ')}`);
    assert.match(light.requests[0] ?? '', /^file:\/\//);
    assert.deepEqual(light.marks, expectedMarks(report));
    for (const f of light.figures) {
      assert.ok(f.widthPx > 300 && f.heightPx > 100, `${f.chart} is drawn at a visible size (${f.widthPx}×${f.heightPx})`);
      assert.ok(f.tables >= 1, `${f.chart} has a table under it`);
    }
    const dark = await open('report', htmlReporter.render(report), 'dark');
    assert.deepEqual(dark.errors, []);
    assert.notEqual(dark.background, light.background, 'prefers-color-scheme: dark changes the page');
  });

  it('the LLM bench report: variant rows and the LLM charts, one mark per row, measure or answer', async () => {
    const report = llmReport();
    for (const scheme of ['light', 'dark'] as const) {
      const opened = await open('report-llm', htmlReporter.render(report), scheme);
      assert.deepEqual(opened.errors, []);
      assert.equal(opened.requests.length, 1, `only the page itself is requested, got ${opened.requests.join(', ')}`);
      assert.deepEqual(opened.marks, expectedMarks(report));
      for (const chart of ['variant-facts', 'llm-latency', 'llm-tokens', 'llm-goodput', 'llm-slowest']) assert.ok((opened.marks[chart] ?? 0) > 0, `${chart} drawn`);
      for (const f of opened.figures) {
        assert.ok(f.widthPx > 300 && f.heightPx > 100, `${f.chart} is drawn at a visible size (${f.widthPx}×${f.heightPx})`);
        assert.ok(f.tables >= 1, `${f.chart} has a table under it`);
      }
    }
  });

  it('the comparison: one mark per metric, no errors, no network', async () => {
    const comparison = compareReports(fixture('noisy-base'), fixture('noisy-slower-10pct'));
    const opened = await open('comparison', comparisonHtmlReporter.render(comparison), 'light');
    assert.deepEqual(opened.errors, []);
    assert.equal(opened.requests.length, 1);
    assert.deepEqual(opened.marks, { compare: comparison.metrics.length });
  });
});
