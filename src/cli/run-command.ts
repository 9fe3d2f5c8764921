// `fanout-bench run`: flags → validated options → runBench → report files, stdout and exit code.
import { dirname, join } from 'node:path';
import { CLIENT_NAMES } from '../clients/names.ts';
import { loadFixture, type LoadedFixture } from '../run/fixtures.ts';
import type { Report } from '../model/report.ts';
import type { RunOptions } from '../run/run-bench.ts';
import { DEFAULT_URL_FILES, RUN_DEFAULTS } from '../run/defaults.ts';
import { DEFAULT_STRATEGIES, STRATEGY_NAMES, type StrategyName } from '../strategies/index.ts';
import { wantsColor } from './color.ts';
import { reportFileName, writeFileAtomic } from './files.ts';
import { atMost, listOf, MAX_TIME_SCALE, nonNegativeInt, oneOf, positiveInt, positiveNumber } from './flags.ts';
import type { CommandIO } from './io.ts';
import { parseFlags } from './parse.ts';
import { progressLine, wantsProgress } from './progress.ts';
import { assertRemoteRunWithinCaps, parseResilienceFlags, RESILIENCE_FLAGS, RESILIENCE_HELP } from './resilience-flags.ts';
import { RUN_GATE_FLAGS, RUN_GATE_HELP, finishRunGate, loadRunGate, type RunGate } from './run-gate.ts';
import { InputError } from '../util/input-error.ts';
import { DEFAULT_SUITES, SUITE_NAMES, suites as suiteRegistry, type SuiteName, type SuiteOptions } from '../suites/index.ts';
import type { AnySuite, FlagTable, FlagValues } from '../suites/suite.ts';
import { assertOutputWritable } from './output-dir.ts';
import { LLM_RUN_HELP, LLM_SERVE_FLAGS, parseLlmRunFlags } from './llm-flags.ts';
import { capOpenRates, LOAD_SUITES, parseRemoteLoadFlags, REMOTE_LOAD_FLAGS, REMOTE_LOAD_HELP, remoteLoadStatement } from './remote-load-flags.ts';


/** Every registered suite's flags, spread into run's flag table. */
const suiteFlags = (registry: Record<string, AnySuite>): FlagTable => Object.assign({}, ...Object.values(registry).map((suite) => suite.flags)) as FlagTable;

export const runHelp = (registry: Record<string, AnySuite> = suiteRegistry): string => `Usage: fanout-bench run [BENCH_FILE|GLOB …] [flags]

Starts a local delay server and runs the chosen suites against it: strategies (every
strategy over each URL set, wall time against the ideal makespan), load (autocannon sweep
against a bare node:http baseline), open (open-loop rate sweep), micro (client stacks and
scheduler overhead), scale (requests × concurrency). Prints tables and a waterfall and
writes a JSON report.

BENCH_FILE|GLOB: bench files (.ts, .mts, .js, .mjs; e.g. 'bench/*.bench.ts') whose default
export is defineBench({...}): your own fan-out code as variants, measured beside the built-in
strategies, every request recorded without wrappers. The strategies rows of a bench are its own
"strategies" list, not --strategies.

  --suite LIST           comma-separated: ${Object.keys(registry).join(', ')}, or all
                         (default: ${DEFAULT_SUITES.join(',')}, load and micro as short passes)
  --urls FILE            URL set (JSON array, or {"urls": [...], "concurrency": [k]});
                         repeatable; default, without bench files: fixtures/lesson.json and fixtures/agent.json
  --strategies LIST      comma-separated: ${STRATEGY_NAMES.join(', ')}
                         (default: ${DEFAULT_STRATEGIES.join(',')})
  --concurrency LIST     k for pool/batched, e.g. 2,4 (default: each URL set's own)
  --client NAME          ${CLIENT_NAMES.join(' | ')} (default: ${RUN_DEFAULTS.client})
  --iterations N         measured runs per row (default: ${RUN_DEFAULTS.iterations}; 10 or more to compare/gate)
  --warmup N             unmeasured runs per row before those, server delays skipped (default: ${RUN_DEFAULTS.warmup})
  --time-scale F         multiply every server delay, e.g. 0.05 (default: ${RUN_DEFAULTS.timeScale})
  --timeout-ms N         per-request timeout (default: ${RUN_DEFAULTS.timeoutMs})
${RESILIENCE_HELP}${LLM_RUN_HELP}${REMOTE_LOAD_HELP}${Object.values(registry).map((suite) => suite.help).join('')}  --out DIR              where reports go (default: ${RUN_DEFAULTS.out}/): <timestamp>.json and latest.json
  --html FILE            also write the report as one self-contained HTML page of charts
  --json                 print the JSON report on stdout and nothing else
  --quiet                print only the report's path
${RUN_GATE_HELP}  --help                 this text
`;

/** Bench files named by paths or globs, loaded (the loader, and tsx for .ts files, only when there are some). */
async function loadBenches(patterns: string[]): Promise<LoadedFixture[]> {
  const { findBenchFiles, loadBenchFile } = await import('../bench/load.ts');
  return Promise.all((await findBenchFiles(patterns)).map(loadBenchFile));
}

/** Every suite's options from its flags; the default run (no --suite) gets each suite's short pass. */
async function parseSuiteOptions(values: FlagValues, quick: boolean, maxRatePerSec: number | undefined): Promise<Partial<SuiteOptions>> {
  const entries = await Promise.all(Object.entries(suiteRegistry).map(async ([name, suite]) => [name, await suite.parseOptions(values, quick)] as const));
  const options = Object.fromEntries(entries) as Partial<SuiteOptions>;
  // --max-rate caps the open loop's rates as well as the load suite's.
  if (options.open) options.open = capOpenRates(options.open, maxRatePerSec);
  return options;
}

export interface RunCommandOptions extends Omit<RunOptions, 'signal' | 'onProgress' | 'onReport'> {
  out: string;
  /** Where the HTML page goes after the run; null for none. */
  html: string | null;
  json: boolean;
  quiet: boolean;
  gate: RunGate;
}

export async function parseRunFlags(args: string[]): Promise<RunCommandOptions | 'help'> {
  const { values, positionals } = parseFlags('run', args, {
    suite: { type: 'string', multiple: true },
    urls: { type: 'string', multiple: true },
    strategies: { type: 'string', multiple: true },
    concurrency: { type: 'string', multiple: true },
    client: { type: 'string' },
    iterations: { type: 'string' },
    warmup: { type: 'string' },
    'time-scale': { type: 'string' },
    'timeout-ms': { type: 'string' },
    out: { type: 'string' },
    html: { type: 'string' },
    json: { type: 'boolean' },
    quiet: { type: 'boolean' },
    ...RUN_GATE_FLAGS,
    help: { type: 'boolean', short: 'h' },
    ...RESILIENCE_FLAGS,
    ...REMOTE_LOAD_FLAGS,
    ...LLM_SERVE_FLAGS,
    ...suiteFlags(suiteRegistry),
  });
  if (values.help) return 'help';

  const strategies = values.strategies
    ? listOf('strategies', values.strategies, (name) => oneOf('strategies', name, STRATEGY_NAMES as StrategyName[]))
    : [...DEFAULT_STRATEGIES];
  // Bench files (paths or globs) and URL files; with neither, the lesson's and the agent's URL sets.
  const benches = positionals.length > 0 ? await loadBenches(positionals) : [];
  const files = values.urls ? listOf('urls', values.urls, (file) => file) : benches.length > 0 ? [] : DEFAULT_URL_FILES;
  const fixtures = [...(await Promise.all(files.map(loadFixture))), ...benches];
  const names = fixtures.map((f) => f.name);
  const clash = names.find((name, i) => names.indexOf(name) !== i);
  if (clash) throw new InputError(`two URL sets or benches are both named "${clash}"; give one a different "name"`);
  // Without --suite: the strategies plus short load and micro passes.
  const defaultRun = values.suite === undefined;
  // Another target (--target) gets the strategies only, unless other suites are asked for by name.
  const defaultSuites: string[] = values.target === undefined ? DEFAULT_SUITES : ['strategies'];
  const suiteList = values.suite ? listOf('suite', values.suite, (name) => name) : defaultSuites;
  const suites = suiteList.includes('all') ? [...SUITE_NAMES] : suiteList.map((name) => oneOf('suite', name, SUITE_NAMES as SuiteName[]));
  const resilience = parseResilienceFlags(values);
  const remoteLoad = parseRemoteLoadFlags(values);
  const llm = parseLlmRunFlags(values, values.target);
  const options = {
    ...resilience,
    ...remoteLoad,
    suites,
    fixtures,
    ...(llm ? { llm } : {}),
    strategies,
    concurrency: values.concurrency ? listOf('concurrency', values.concurrency, (k) => positiveInt('concurrency', k)) : null,
    client: values.client === undefined ? RUN_DEFAULTS.client : oneOf('client', values.client, CLIENT_NAMES),
    iterations: values.iterations === undefined ? RUN_DEFAULTS.iterations : positiveInt('iterations', values.iterations),
    warmup: values.warmup === undefined ? RUN_DEFAULTS.warmup : nonNegativeInt('warmup', values.warmup),
    timeScale: values['time-scale'] === undefined ? RUN_DEFAULTS.timeScale : atMost('time-scale', positiveNumber('time-scale', values['time-scale']), MAX_TIME_SCALE),
    timeoutMs: values['timeout-ms'] === undefined ? RUN_DEFAULTS.timeoutMs : positiveNumber('timeout-ms', values['timeout-ms']),
    suiteOptions: await parseSuiteOptions(values as FlagValues, defaultRun, remoteLoad.maxRatePerSec),
    out: values.out ?? RUN_DEFAULTS.out,
    html: values.html === undefined ? null : htmlPath(values.html),
    json: values.json ?? false,
    quiet: values.quiet ?? false,
    gate: await loadRunGate(values),
  };
  assertRemoteRunWithinCaps(options);
  await assertOutputWritable(options.out);
  if (options.html !== null) await assertOutputWritable(dirname(options.html), 'html');
  // The scale suite runs its own delay server on a worker thread; it cannot measure another target.
  if (options.target !== undefined && options.suites.includes('scale')) {
    throw new InputError('--target: the scale suite always measures its own delay server; leave scale out of --suite');
  }
  return options;
}

function htmlPath(raw: string): string {
  if (raw.trim() === '') throw new InputError('--html: expected a file name, e.g. --html results/report.html');
  return raw;
}

/** Returns the exit code: 0, 1 when a strategy row errored or a regression was found, 99 when a threshold failed, 130 when interrupted. */
export async function runCommand(args: string[], io: CommandIO): Promise<number> {
  const options = await parseRunFlags(args);
  if (options === 'help') {
    io.stdout.write(runHelp());
    return 0;
  }
  const [{ runBench }, { reporters }, { harnessFailures }] = await Promise.all([
    import('../run/run-bench.ts'),
    import('../report/index.ts'),
    import('../run/harness-failures.ts'),
  ]);
  if (options.maxRatePerSec !== undefined && options.suites.some((name) => LOAD_SUITES.includes(name))) {
    io.stderr.write(remoteLoadStatement(options.target ?? 'the local delay server', { maxRatePerSec: options.maxRatePerSec, runners: options.runners ?? 1 }));
  }
  const progress = wantsProgress(io.stderr, options.quiet || options.json) ? progressLine(io.stderr) : null;
  let reportPath: string | null = null;
  const save = async (report: Report): Promise<void> => {
    const text = reporters.json.render(report);
    reportPath = join(options.out, reportFileName(report.startedAt));
    await writeFileAtomic(reportPath, text);
    await writeFileAtomic(join(options.out, 'latest.json'), text);
  };
  let report: Report;
  try {
    report = await runBench({
      ...options,
      signal: io.signal,
      ...(progress ? { onProgress: (event) => progress.update(event) } : {}),
      onReport: save,
    });
  } finally {
    progress?.clear();
  }
  // Written even for an interrupted run: the page shows what finished and says it is incomplete.
  if (options.html !== null) await writeFileAtomic(options.html, reporters.html.render(report));
  if (options.json) io.stdout.write(reporters.json.render(report));
  else if (options.quiet) io.stdout.write(`${reportPath}\n`);
  else io.stdout.write(`${reporters.table.render(report, { color: wantsColor(io.stdout) })}${reporters.resilience.render(report)}\n${reporters.waterfall.render(report)}\nreport: ${reportPath}\n`);
  if (!report.complete) {
    io.stderr.write(`fanout-bench: interrupted; the partial report (complete: false) is ${reportPath ?? 'not written'}\n`);
    return 130;
  }
  const gateCode = await finishRunGate(report, reportPath, options.gate, io, options.json || options.quiet);
  return gateCode !== 0 ? gateCode : harnessFailures(report).length > 0 ? 1 : 0;
}
