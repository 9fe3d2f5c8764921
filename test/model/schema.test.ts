import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { InputError } from '../../src/util/input-error.ts';
import { parseReport, reportJsonSchemaText } from '../../src/model/schema.ts';
import { readFixture } from '../golden.ts';

describe('report schema', () => {
  it('schema/report.schema.json is generated from the model (run `npm run schema` after changing it)', () => {
    const committed = readFileSync(new URL('../../schema/report.schema.json', import.meta.url), 'utf8');
    assert.equal(committed, reportJsonSchemaText());
  });

  it('accepts a real report', () => {
    const report = parseReport(readFixture<unknown>('report-lesson-agent.json'), 'fixture');
    assert.equal(report.schemaVersion, 1);
    assert.ok(report.strategies.length > 0);
  });

  const broken: [string, (r: Record<string, unknown>) => unknown, RegExp][] = [
    ['another schema version', (r) => ({ ...r, schemaVersion: 99 }), /schemaVersion 99 is not supported/],
    ['a missing field', (r) => ({ ...r, environment: undefined }), /environment/],
    ['a bad outcome', (r) => mutateFirstRecord(r, { outcome: { kind: 'exploded' } }), /strategies\.0\.timeline\.0\.outcome/],
    ['a negative byte count', (r) => mutateFirstRecord(r, { bytes: -1 }), /bytes/],
    ['not an object', () => 'hello', /not a fanout-bench report/],
  ];
  for (const [what, mutate, message] of broken) {
    it(`rejects ${what} with a message naming the field`, () => {
      const bad = mutate(readFixture<Record<string, unknown>>('report-lesson-agent.json'));
      assert.throws(() => parseReport(bad, 'bad.json'), (error: unknown) => {
        assert.ok(error instanceof InputError);
        assert.match(error.message, /^bad\.json: /);
        assert.match(error.message, message);
        return true;
      });
    });
  }
});

function mutateFirstRecord(report: Record<string, unknown>, patch: Record<string, unknown>): unknown {
  const rows = report.strategies as { timeline: Record<string, unknown>[] }[];
  rows[0]!.timeline[0] = { ...rows[0]!.timeline[0], ...patch };
  return report;
}
