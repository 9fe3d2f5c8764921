// `fanout-bench merge A.json B.json … [--out FILE]`: one report from several runners' reports of
// the same bench, written atomically (or printed as JSON without --out).
import { InputError } from '../util/input-error.ts';
import { mergeReports } from '../merge/merge-reports.ts';
import { reporters } from '../report/index.ts';
import { writeFileAtomic } from './files.ts';
import { parseFlags } from './parse.ts';
import { readReportFile } from './report-file.ts';
import type { CommandIO } from './io.ts';

export const MERGE_HELP = `Usage: fanout-bench merge A.json B.json … [--out FILE]

Combines reports of the same bench measured by several runners (e.g. a CI matrix loading one
target) into one report: HDR latency histograms added (not percentiles averaged), request rates
and counts summed, wall samples concatenated, every runner's environment kept under "runners".
Reports that differ in configuration, URL sets, rows or load/open settings are refused (exit 2).
Micro and scale sections are per-machine and cannot be merged.

  --out FILE    write the merged report there (atomically); default: print it on stdout
  --help        this text
`;

export async function mergeCommand(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseFlags('merge', args, {
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(MERGE_HELP);
    return 0;
  }
  if (positionals.length < 2) throw new InputError(`merge: expected two or more report files, got ${positionals.length} (see fanout-bench merge --help)`);
  const inputs = await Promise.all(positionals.map((file) => readReportFile(file)));
  const merged = mergeReports(inputs);
  const json = reporters.json.render(merged);
  if (values.out === undefined) {
    io.stdout.write(json);
    return 0;
  }
  await writeFileAtomic(values.out, json);
  io.stderr.write(`merged ${inputs.length} reports (${merged.runners?.length ?? inputs.length} runners) into ${values.out}\n`);
  return 0;
}
