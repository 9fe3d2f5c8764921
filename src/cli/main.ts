// The entry point: picks the command, turns SIGINT/SIGTERM into an abort, and turns errors into
// exit codes — 2 with one line for bad input, 1 with one line for anything else (--debug shows the stack).
// Commands are imported when chosen, so `--help` loads none of the engines, clients or the server.
import { InputError } from '../util/input-error.ts';
import { TOOL_VERSION } from '../model/version.ts';
import type { Command, CommandIO } from './io.ts';

const HELP = `fanout-bench ${TOOL_VERSION}: how fanned-out API calls really behave, measured against their ideal

Usage: fanout-bench <command> [flags]

Commands:
  run      measure strategies over URL sets against the local delay server (default)
  serve    run the httpbin-compatible delay server standalone
  report   render a saved report again (table, waterfall, markdown, json, html)
  compare  compare two reports: verdict per metric, thresholds, CI summaries
  merge    combine reports of one bench from several runners (histograms added)
  ab       measure a base revision and this checkout interleaved, then compare

Run 'fanout-bench <command> --help' for its flags.
`;

const commands: Record<string, () => Promise<Command>> = {
  run: async () => (await import('./run-command.ts')).runCommand,
  serve: async () => (await import('./serve-command.ts')).serveCommand,
  report: async () => (await import('./report-command.ts')).reportCommand,
  compare: async () => (await import('./compare-command.ts')).compareCommand,
  merge: async () => (await import('./merge-command.ts')).mergeCommand,
  ab: async () => (await import('./ab-command.ts')).abCommand,
};

/** `streams` lets tests read what a command printed; the binary passes the process's own. */
export async function main(argv: string[], streams: Pick<CommandIO, 'stdout' | 'stderr'> = process): Promise<number> {
  const debug = argv.includes('--debug');
  const args = argv.filter((arg) => arg !== '--debug');
  const controller = new AbortController();
  const onSignal = (): void => controller.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const io: CommandIO = { stdout: streams.stdout, stderr: streams.stderr, signal: controller.signal };
  try {
    const [first, ...rest] = args;
    if (first === '--help' || first === '-h') return write(io, HELP);
    if (first === '--version') return write(io, `${TOOL_VERSION}\n`);
    // `fanout-bench [run flags]` runs; `fanout-bench help CMD` is `CMD --help`.
    if (first === undefined || first.startsWith('-')) return await (await commands.run!())(args, io);
    if (first === 'help') {
      const load = rest[0] === undefined ? undefined : commands[rest[0]];
      return load ? await (await load())(['--help'], io) : write(io, HELP);
    }
    const load = commands[first];
    if (!load) throw new InputError(`unknown command "${first}" (expected ${Object.keys(commands).join(', ')})`);
    return await (await load())(rest, io);
  } catch (error) {
    if (debug && error instanceof Error) io.stderr.write(`${error.stack}\n`);
    if (error instanceof InputError) {
      io.stderr.write(`fanout-bench: ${error.message}\n`);
      return 2;
    }
    io.stderr.write(`fanout-bench: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

function write(io: CommandIO, text: string): number {
  io.stdout.write(text);
  return 0;
}
