import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Report } from '../../src/model/report.ts';
import { formatMs } from '../../src/report/format.ts';
import { reporters } from '../../src/report/index.ts';
import { parseReport } from '../../src/model/schema.ts';
import { assertGolden, readFixture } from '../golden.ts';

const report = parseReport(readFixture<unknown>('report-lesson-agent.json'), 'report-lesson-agent.json');

function interrupted(base: Report): Report {
  return {
    ...base,
    complete: false,
    finishedAt: null,
    strategies: base.strategies.filter((row) => row.fixture === 'lesson'),
    errors: [{ fixture: 'agent', name: 'pool', concurrency: 3, client: 'undici', error: 'pool finished with 11 of 12 requests recorded' }],
  };
}

describe('reporters render golden output from a fixed report', () => {
  for (const name of ['table', 'waterfall', 'markdown'] as const) {
    it(name, () => assertGolden(`${name}.txt`, reporters[name].render(report)));
  }

  it('table shows errors and an interrupted run instead of hiding them', () => {
    const text = reporters.table.render(interrupted(report));
    assertGolden('table-interrupted.txt', text);
    assert.match(text, /ERROR agent\/pool\(3\): pool finished with 11 of 12/);
    assert.match(text, /INCOMPLETE/);
  });

  it('json is the report itself and parses back to the same model', () => {
    const text = reporters.json.render(report);
    assert.deepEqual(parseReport(JSON.parse(text), 'json'), report);
  });

  it('every request failure stays visible in the table totals', () => {
    const lesson = report.strategies.find((row) => row.fixture === 'lesson' && row.name === 'all');
    assert.ok(lesson);
    assert.equal(lesson.requests.failed, lesson.requests.byOutcome['http-error']);
    assert.match(reporters.table.render(report), new RegExp(`${lesson.requests.ok}/${lesson.requests.failed}`));
  });
});

describe('formatMs', () => {
  it('keeps about three significant figures and switches to seconds at 1 s', () => {
    assert.equal(formatMs(2003.14), '2.003 s');
    assert.equal(formatMs(156.2), '156 ms');
    assert.equal(formatMs(48.54), '48.5 ms');
    assert.equal(formatMs(1.234), '1.23 ms');
    assert.equal(formatMs(Number.NaN), '–');
  });
});
