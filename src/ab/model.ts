// What `ab` found, as plain serialisable data: which revisions, in which order, every sample
// tagged by revision and round, and the comparison of the two sides.
import type { Comparison } from '../compare/model.ts';
import type { Revision, SideRun } from './order.ts';

export interface AbSample {
  metricId: string;
  revision: Revision;
  round: number;
  value: number;
}

export interface AbResult {
  base: { ref: string; commit: string };
  head: { commit: string; /** Uncommitted changes in the head worktree were measured too. */ dirty: boolean };
  rounds: number;
  order: SideRun[];
  /** Passed to `run` on both sides. */
  runArgs: string[];
  /** Appended to the head side's run only (to inject a known slowdown). */
  headArgs: string[];
  samples: AbSample[];
  /** Metrics present on one side only (refused unless --skip-unmatched, then left out). */
  unmatched: { baseOnly: string[]; headOnly: string[] };
  /** Failures inside the harness, per side and round. */
  harnessFailures: string[];
  comparison: Comparison;
}
