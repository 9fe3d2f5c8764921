// Everything in a report that failed inside the harness (not a request the server failed): strategy rows
// and suites in `errors`, load runs, micro tasks and scale points. Any of them makes `run` exit 1.
import type { Report } from './model.ts';

export function harnessFailures(report: Report): string[] {
  const failures = report.errors.map((e) => `${e.fixture}/${e.name}: ${e.error}`);
  for (const point of report.load?.points ?? []) {
    for (const [side, outcome] of [['delay server', point.delayServer], ['bare', point.bare]] as const) {
      if (outcome.state === 'failed') failures.push(`load ${point.endpoint} c=${point.connections} (${side}): ${outcome.error}`);
    }
  }
  for (const error of report.micro?.errors ?? []) failures.push(`micro ${error.kind} ${error.name}: ${error.error}`);
  for (const point of report.scale?.points ?? []) {
    if (point.state === 'errored') failures.push(`scale ${point.requests}×${point.concurrency}: ${point.error}`);
  }
  return failures;
}
