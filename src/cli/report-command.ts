// `fanout-bench report FILE`: re-renders a saved report in any format, without measuring again.
import { InputError } from '../util/input-error.ts';
import { reporters, type ReporterName } from '../report/index.ts';
import { wantsColor } from './color.ts';
import { listOf, oneOf } from './flags.ts';
import { parseFlags } from './parse.ts';
import { readReportFile } from './report-file.ts';
import type { CommandIO } from './io.ts';

const FORMATS = Object.keys(reporters) as ReporterName[];

export const REPORT_HELP = `Usage: fanout-bench report FILE [--format LIST]

Renders a saved report (e.g. results/latest.json) again.

  --format LIST    comma-separated: ${FORMATS.join(', ')} (default: table,waterfall)
  --help           this text
`;

export async function reportCommand(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseFlags('report', args, {
    format: { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(REPORT_HELP);
    return 0;
  }
  const [file, extra] = positionals;
  if (file === undefined) throw new InputError('report: expected a report file, e.g. fanout-bench report results/latest.json');
  if (extra !== undefined) throw new InputError(`report: unexpected argument "${extra}"`);
  const formats = values.format ? listOf('format', values.format, (name) => oneOf('format', name, FORMATS)) : (['table', 'waterfall'] as const);
  const { report } = await readReportFile(file);
  const color = wantsColor(io.stdout);
  io.stdout.write(formats.map((name) => reporters[name].render(report, { color })).join('\n'));
  return 0;
}
