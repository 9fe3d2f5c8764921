// Everything in a report that failed inside the harness (not a request the server failed): rows and
// suites in `errors`, and each suite's own rule over its section. Any of them makes `run` exit 1.
import type { Report } from '../model/report.ts';
import { suites } from '../suites/index.ts';
import type { AnySuite } from '../suites/suite.ts';

export function harnessFailures(report: Report, registry: Record<string, AnySuite> = suites): string[] {
  const failures = report.errors.map((e) => `${e.fixture}/${e.name}: ${e.error}`);
  for (const [name, suite] of Object.entries(registry)) {
    failures.push(...suite.failures({ section: (report as Record<string, unknown>)[name], report }));
  }
  return failures;
}
