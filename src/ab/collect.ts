// From the per-round reports of both sides to one comparison: each metric's samples are the
// rounds' samples concatenated (a metric with none, such as load req/s, gives one per round).
import { compareMetrics, type CompareOptions } from '../compare/compare.ts';
import { environmentDifferences } from '../compare/environment.ts';
import { extractMetrics, type Metric } from '../compare/metrics/index.ts';
import type { ReportRef } from '../compare/model.ts';
import { harnessFailures } from '../run/harness-failures.ts';
import { InputError } from '../util/input-error.ts';
import type { Report } from '../model/report.ts';
import { median } from '../stats/median.ts';
import type { AbResult, AbSample } from './model.ts';
import type { Revision, SideRun } from './order.ts';

export interface RoundReport extends SideRun {
  report: Report;
}

export interface CollectOptions extends CompareOptions {
  skipUnmatched: boolean;
}

export function collectAb(
  runs: readonly RoundReport[],
  meta: Pick<AbResult, 'base' | 'head' | 'rounds' | 'runArgs' | 'headArgs'>,
  options: CollectOptions,
): AbResult {
  const samples: AbSample[] = [];
  const metrics = { base: new Map<string, Metric>(), head: new Map<string, Metric>() };
  for (const run of runs) {
    for (const metric of extractMetrics(run.report)) {
      const values = metric.samples.length > 0 ? metric.samples : [metric.value];
      for (const value of values) samples.push({ metricId: metric.id, revision: run.revision, round: run.round, value });
      const side = metrics[run.revision];
      const known = side.get(metric.id);
      side.set(metric.id, known ? { ...known, samples: [...known.samples, ...values] } : { ...metric, samples: [...values] });
    }
  }
  const finish = (side: Map<string, Metric>): Metric[] => [...side.values()].map((m) => ({ ...m, value: median(m.samples) }));
  const base = finish(metrics.base);
  const head = finish(metrics.head);
  const headIds = new Set(head.map((m) => m.id));
  const baseIds = new Set(base.map((m) => m.id));
  const unmatched = { baseOnly: [...baseIds].filter((id) => !headIds.has(id)), headOnly: [...headIds].filter((id) => !baseIds.has(id)) };
  if (!options.skipUnmatched && unmatched.baseOnly.length + unmatched.headOnly.length > 0) {
    const [id, where] = unmatched.baseOnly.length > 0 ? [unmatched.baseOnly[0], 'base'] : [unmatched.headOnly[0], 'head'];
    const count = unmatched.baseOnly.length + unmatched.headOnly.length;
    throw new InputError(`ab: ${id} exists on the ${where} side only${count > 1 ? ` (and ${count - 1} more unmatched)` : ''}; --skip-unmatched compares the rest`);
  }
  const common = (m: Metric): boolean => baseIds.has(m.id) && headIds.has(m.id);
  const compared = compareMetrics(base.filter(common), head.filter(common), options);
  const first = (revision: Revision): Report => runs.find((run) => run.revision === revision)!.report;
  const ref = (revision: Revision, commit: string): ReportRef => {
    const report = first(revision);
    return { source: revision === 'base' ? `base ${meta.base.ref} (${commit.slice(0, 7)})` : `head (${commit.slice(0, 7)})`, startedAt: report.startedAt, gitCommit: commit, complete: runs.every((r) => r.report.complete) };
  };
  return {
    ...meta,
    order: runs.map(({ round, revision }) => ({ round, revision })),
    samples: samples.filter((s) => baseIds.has(s.metricId) && headIds.has(s.metricId)),
    unmatched,
    harnessFailures: runs.flatMap((run) => harnessFailures(run.report).map((f) => `${run.revision} round ${run.round}: ${f}`)),
    comparison: { ...compared, baseline: ref('base', meta.base.commit), current: ref('head', meta.head.commit), environment: environmentDifferences(first('base'), first('head')) },
  };
}
