// A Suite runs one engine (strategy runner, load generator, micro-benchmarks, …) against the
// run's delay server and puts its results into its own section of the report.
import type { Report } from '../model.ts';
import type { RunOptions } from '../run.ts';

export interface SuiteContext {
  /** Base URL of the delay server started for this run. */
  baseUrl: string;
  options: RunOptions;
  /** The report being assembled: a suite fills its own section (or `strategies`/`errors`). */
  report: Report;
  /** Hands a snapshot of the report to the CLI to write, so finished work survives a later abort. */
  save(): Promise<void>;
  /** A line for the progress display (shown only on a TTY). */
  progress(text: string): void;
}

export interface Suite {
  name: string;
  description: string;
  run(ctx: SuiteContext): Promise<void>;
}
