// The HTML reporter: golden pages for the report fixtures, and the page's promises checked in its
// text — self-contained, one mark per row or point, a table under each chart, labels with units.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { reporters } from '../../../src/report/index.ts';
import { htmlReporter } from '../../../src/report/html/index.ts';
import type { Report } from '../../../src/model/report.ts';
import { assertGoldenAt } from '../../golden.ts';
import { expectedMarks } from './expected-marks.ts';
import { fullReport, llmReport, strategiesReport } from './full-report.ts';

const golden = (name: string): URL => new URL(`./golden/${name}`, import.meta.url);

/** Each figure's data-chart, data-marks and its count of class="mark" elements, in page order. */
function figuresOf(html: string): Array<{ chart: string; declared: number; counted: number; hasTable: boolean }> {
  return [...html.matchAll(/<figure class="chart" id="[^"]+" data-chart="([^"]+)" data-marks="(\d+)">([\s\S]*?)<\/figure>/g)].map((m) => ({
    chart: m[1] ?? '',
    declared: Number(m[2]),
    counted: (m[3]?.match(/class="mark[ "]/g) ?? []).length,
    hasTable: (m[3] ?? '').includes('<table>'),
  }));
}

describe('html reporter', () => {
  it('is registered beside the other formats', () => assert.equal(reporters.html, htmlReporter));

  it('renders the lesson/agent report as its golden page', () => assertGoldenAt(htmlReporter.render(strategiesReport()), golden('report-lesson-agent.html')));

  it('renders a report with every section as its golden page', () => assertGoldenAt(htmlReporter.render(fullReport()), golden('report-full.html')));

  it('renders the LLM bench report (variant rows with streamed calls) as its golden page', () => assertGoldenAt(htmlReporter.render(llmReport()), golden('report-llm.html')));

  for (const [name, report] of [['lesson/agent', strategiesReport()], ['full', fullReport()], ['llm', llmReport()]] as Array<[string, Report]>) {
    it(`draws as many marks as the ${name} report has rows and points, each chart with a table`, () => {
      const figures = figuresOf(htmlReporter.render(report));
      const byChart = new Map<string, number>();
      for (const f of figures) {
        assert.equal(f.counted, f.declared, `${f.chart}: data-marks says ${f.declared}, the SVG has ${f.counted}`);
        assert.ok(f.hasTable, `${f.chart} has a table as its text alternative`);
        byChart.set(f.chart, (byChart.get(f.chart) ?? 0) + f.counted);
      }
      assert.deepEqual(Object.fromEntries(byChart), expectedMarks(report));
    });
  }

  it('is self-contained: no script, no external reference, a CSP that forbids fetching', () => {
    const html = htmlReporter.render(fullReport());
    assert.doesNotMatch(html, /<script|<link|\bsrc=|url\(|@import/i);
    assert.doesNotMatch(html, /https?:\/\/(?!www\.w3\.org)/, 'no absolute URL outside the report data');
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
    assert.match(html, /prefers-color-scheme: dark/);
  });

  it('escapes text from the report', () => {
    const report = strategiesReport();
    const hostile = { ...report, fixtures: report.fixtures.map((f) => ({ ...f, description: '<img src=x onerror=alert(1)> & "q"' })) };
    const html = htmlReporter.render(hostile);
    assert.doesNotMatch(html, /<img/);
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt; &amp; &quot;q&quot;/);
  });

  it('marks retried requests: each earlier try drawn, the count of tries on hover', () => {
    const report = strategiesReport();
    const [first, ...rest] = report.strategies;
    assert.ok(first);
    const [record, ...others] = first.timeline;
    assert.ok(record);
    const retried = {
      ...record,
      attempts: 2,
      failedAttempts: [{ startMs: record.startMs, endMs: record.startMs + 5, outcome: { kind: 'http-error' as const, status: 429 }, status: 429, waitMs: 10, retryAfter: true }],
    };
    const html = htmlReporter.render({ ...report, strategies: [{ ...first, timeline: [retried, ...others] }, ...rest] });
    const retryRects = (text: string): number => (text.match(/<rect class="retry"/g) ?? []).length;
    assert.equal(retryRects(html) - retryRects(htmlReporter.render(report)), 1, 'one earlier try drawn (the legends have one each)');
    assert.match(html, /<title>#0 [^<]*, 2 tries<\/title>/);
  });

  it('marks variant rows: "(variant)", a lower-bound ideal drawn as a bound, leaked requests apart from failures', () => {
    const report = llmReport();
    const [first, ...rest] = report.strategies;
    assert.ok(first?.variant);
    const [record, ...others] = first.timeline;
    assert.ok(record);
    const leaked = { ...record, leaked: true as const, outcome: { kind: 'network-error' as const, code: 'LEAKED', message: 'still in flight when the variant settled' } };
    const html = htmlReporter.render({ ...report, strategies: [{ ...first, timeline: [leaked, ...others] }, ...rest] });
    const count = (text: string, pattern: RegExp): number => (text.match(pattern) ?? []).length;
    assert.equal(count(html, /<rect class="leaked"/g) - count(htmlReporter.render(report), /<rect class="leaked"/g), 2, 'the leaked request and its legend swatch');
    assert.match(html, /<title>#0 [^<]*leaked: still in flight[^<]*<\/title>/);
    const variants = report.strategies.filter((row) => row.kind === 'variant').length;
    assert.equal(count(html, /<text[^>]*>openai [^<]* \(variant\)<\/text>/g), 5 * variants, 'a row label in wall vs ideal, variant facts, TTFT/ITL, tokens/s and goodput');
    const bounds = report.strategies.filter((row) => row.variant?.idealBasis === 'lower-bound').length;
    assert.equal(count(html, /<line class="ideal bound" x1="[\d.]+" x2="[\d.]+" y1="[\d.]+" y2="[\d.]+"(\/>|><title>[^<]*≥)/g), 2 * bounds + 2, 'one bound per row in the waterfall and in wall vs ideal, and one in each legend');
  });

  it('says when a run was interrupted and lists harness errors', () => {
    const report = strategiesReport();
    const html = htmlReporter.render({ ...report, complete: false, errors: [{ fixture: 'agent', name: 'pool', concurrency: 3, client: 'undici', error: 'boom' }] });
    assert.match(html, /INCOMPLETE/);
    assert.match(html, /ERROR agent\/pool\(3\): boom/);
  });
});
