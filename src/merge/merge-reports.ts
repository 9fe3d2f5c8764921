// `fanout-bench merge`: reports of one bench measured by several runners, combined into one.
// Pure: the same reports give the same merged report. Configuration that differs is refused.
import { InputError } from '../util/input-error.ts';
import type { Runner } from '../model/records.ts';
import type { Report } from '../model/report.ts';
import { mergeLoadSections } from './load.ts';
import { mergeOpenSections } from './open.ts';
import { requireSame, type Sourced } from './same.ts';
import { mergeStrategyRows } from './strategies.ts';

export interface SourcedReport {
  report: Report;
  source: string;
}

export function mergeReports(inputs: readonly SourcedReport[]): Report {
  const [first] = inputs;
  if (!first || inputs.length < 2) throw new InputError(`merge: expected two or more report files, got ${inputs.length}`);
  for (const { report, source } of inputs) {
    // Per-machine figures that do not add up across machines.
    if (report.micro) throw new InputError(`merge: ${source} has a micro section (per-machine figures that do not add); merge load, open and strategies runs`);
    if (report.scale) throw new InputError(`merge: ${source} has a scale section (per-machine figures that do not add); merge load, open and strategies runs`);
  }
  const sourced = <T>(pick: (report: Report) => T): Array<Sourced<T>> => inputs.map(({ report, source }) => ({ source, value: pick(report) }));
  // The seed may differ (runners drawing the same Poisson schedule would fire in lockstep); iterations add.
  requireSame('config', sourced(({ config: { iterations: _i, seed: _s, ...rest } }) => rest));
  requireSame('the URL sets', sourced((report) => ({ fixtures: report.fixtures })));
  requireSame('the sections present', sourced((report) => ({ load: report.load !== undefined, open: report.open !== undefined })));
  const runners: Runner[] = inputs.flatMap(({ report }) => report.runners ?? [{ startedAt: report.startedAt, environment: report.environment }]);
  const finished = inputs.map(({ report }) => report.finishedAt);
  const base = first.report;
  return {
    schemaVersion: base.schemaVersion,
    tool: base.tool,
    startedAt: runners.map((r) => r.startedAt).sort()[0]!,
    finishedAt: finished.some((f) => f === null) ? null : (finished as string[]).sort().at(-1)!,
    complete: inputs.every(({ report }) => report.complete),
    environment: runners[0]!.environment,
    runners,
    config: { ...base.config, iterations: inputs.reduce((sum, { report }) => sum + report.config.iterations, 0) },
    fixtures: base.fixtures,
    strategies: mergeStrategyRows(sourced((report) => report.strategies)),
    errors: inputs.flatMap(({ report, source }) => report.errors.map((e) => ({ ...e, error: `${source}: ${e.error}` }))),
    ...(base.load ? { load: mergeLoadSections(sourced((report) => report.load!)) } : {}),
    ...(base.open ? { open: mergeOpenSections(sourced((report) => report.open!)) } : {}),
  };
}
