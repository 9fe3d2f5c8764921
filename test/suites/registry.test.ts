// A suite carries its own slice: registered only here, it shows up in the report schema, `run --help`,
// the terminal output, the failure rule, compare's metrics and the run itself, with no central edit.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { extractMetrics, rowsExtractor, suiteExtractors } from '../../src/compare/metrics/index.ts';
import { runHelp } from '../../src/cli/run-command.ts';
import { ReportCoreSchema } from '../../src/model/records.ts';
import { sectionShape, type Report } from '../../src/model/report.ts';
import { reportJsonSchemaText } from '../../src/model/schema.ts';
import { renderSuiteTables } from '../../src/report/table.ts';
import { harnessFailures } from '../../src/run/harness-failures.ts';
import { runBench } from '../../src/run/run-bench.ts';
import { suites, type SuiteName } from '../../src/suites/index.ts';
import type { Suite } from '../../src/suites/suite.ts';

const ProbeSectionSchema = z.object({ hits: z.int(), broken: z.array(z.string()) });

const probeSuite = {
  name: 'probe',
  description: 'a suite that exists only in this test',
  section: ProbeSectionSchema,
  flags: { 'probe-hits': { type: 'string' } },
  help: '  --probe-hits N         probe suite: how many hits to record (default: 3)\n',
  defaults: () => ({ hits: 3 }),
  parseOptions: (values) => ({ hits: typeof values['probe-hits'] === 'string' ? Number(values['probe-hits']) : 3 }),
  async run(ctx) {
    ctx.setSection({ hits: ctx.options.hits, broken: ['one probe failed'] });
    await ctx.save();
  },
  render: ({ section }) => (section ? `PROBE TABLE hits=${section.hits}` : ''),
  failures: ({ section }) => (section?.broken ?? []).map((text) => `probe: ${text}`),
  metrics: ({ section }) => (section ? [{ id: 'probe/hits', unit: 'ops/s', direction: 'higher', samples: [], value: section.hits }] : []),
} satisfies Suite<typeof ProbeSectionSchema, { hits: number }>;

const registry = { ...suites, probe: probeSuite };

test('a registered suite runs through runBench and its section lands in the report', async () => {
  const report = await runBench(
    { suites: ['probe' as SuiteName], fixtures: [], strategies: [], concurrency: null, client: 'undici', iterations: 1, warmup: 0, timeScale: 1, timeoutMs: 1000, suiteOptions: { probe: { hits: 7 } } as never },
    registry,
  );
  const section = (report as Record<string, unknown>).probe;
  assert.deepEqual(section, { hits: 7, broken: ['one probe failed'] });

  const schema = ReportCoreSchema.extend(sectionShape(registry));
  assert.equal(schema.safeParse(report).success, true);
  assert.equal(schema.safeParse({ ...report, probe: { hits: 'many' } }).success, false);
  assert.match(reportJsonSchemaText(schema), /"probe"/);
  assert.doesNotMatch(reportJsonSchemaText(), /"probe"/);

  assert.match(renderSuiteTables(report as Report, registry), /PROBE TABLE hits=7/);
  assert.deepEqual(harnessFailures(report as Report, registry), ['probe: one probe failed']);
  assert.deepEqual(harnessFailures(report as Report), []);
  const ids = extractMetrics(report as Report, [rowsExtractor, ...suiteExtractors(registry)]).map((m) => m.id);
  assert.deepEqual(ids, ['probe/hits']);
});

test('run --help lists a registered suite and its flags', () => {
  const help = runHelp(registry);
  assert.match(help, /--suite LIST {11}comma-separated: strategies, load, open, micro, scale, probe, or all/);
  assert.match(help, /--probe-hits N {9}probe suite/);
  assert.doesNotMatch(runHelp(), /probe/);
});
