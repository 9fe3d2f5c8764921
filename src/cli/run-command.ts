// `fanout-bench run`: flags → validated options → runBench → report files, stdout and exit code.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLIENT_NAMES, type ClientName } from '../clients/index.ts';
import { loadFixture } from '../fixtures.ts';
import type { Report } from '../model.ts';
import { reporters } from '../report/index.ts';
import { runBench, type RunOptions } from '../run.ts';
import { DEFAULT_STRATEGIES, STRATEGY_NAMES, type StrategyName } from '../strategies/index.ts';
import { reportFileName, writeFileAtomic } from './files.ts';
import { LOAD_FLAGS, LOAD_HELP, parseLoadFlags } from './load-flags.ts';
import { LOAD_DEFAULTS, LOAD_QUICK } from '../suites/load/options.ts';
import { OPEN_FLAGS, OPEN_HELP, parseOpenFlags } from './open-flags.ts';
import { atMost, listOf, MAX_TIME_SCALE, nonNegativeInt, oneOf, positiveInt, positiveNumber } from './flags.ts';
import { parseFlags } from './parse.ts';
import { progressLine, wantsProgress } from './progress.ts';
import { assertRemoteRunWithinCaps, parseResilienceFlags, RESILIENCE_FLAGS, RESILIENCE_HELP } from './resilience-flags.ts';
import { RUN_GATE_FLAGS, RUN_GATE_HELP, finishRunGate, loadRunGate, type RunGate } from './run-gate.ts';
import { capOpenRates, LOAD_SUITES, parseRemoteLoadFlags, REMOTE_LOAD_FLAGS, REMOTE_LOAD_HELP, remoteLoadStatement } from './remote-load-flags.ts';
import { harnessFailures } from '../harness-failures.ts';
import { InputError } from '../input-error.ts';
import { DEFAULT_SUITES, SUITE_NAMES, type SuiteName } from '../suites/index.ts';
import { MICRO_DEFAULTS } from '../suites/micro/options.ts';
import { SCALE_DEFAULTS } from '../suites/scale/options.ts';

const FIXTURES_DIR = fileURLToPath(new URL('../../fixtures/', import.meta.url));
export const DEFAULT_URL_FILES = ['lesson.json', 'agent.json'].map((name) => join(FIXTURES_DIR, name));

export const RUN_DEFAULTS = {
  client: 'undici' as ClientName,
  iterations: 3,
  warmup: 1,
  timeScale: 1,
  timeoutMs: 10_000,
  out: 'results',
};

export const RUN_HELP = `Usage: fanout-bench run [flags]

Starts a local delay server and runs the chosen suites against it: strategies (every
strategy over each URL set, wall time against the ideal makespan), load (autocannon sweep
against a bare node:http baseline), open (open-loop rate sweep), micro (client stacks and
scheduler overhead), scale (requests × concurrency). Prints tables and a waterfall and
writes a JSON report.

  --suite LIST           comma-separated: ${SUITE_NAMES.join(', ')}, or all
                         (default: ${DEFAULT_SUITES.join(',')}, load and micro as short passes)
  --urls FILE            URL set (JSON array, or {"urls": [...], "concurrency": [k]});
                         repeatable; default: fixtures/lesson.json and fixtures/agent.json
  --strategies LIST      comma-separated: ${STRATEGY_NAMES.join(', ')}
                         (default: ${DEFAULT_STRATEGIES.join(',')})
  --concurrency LIST     k for pool/batched, e.g. 2,4 (default: each URL set's own)
  --client NAME          ${CLIENT_NAMES.join(' | ')} (default: ${RUN_DEFAULTS.client})
  --iterations N         measured runs per row (default: ${RUN_DEFAULTS.iterations}; 10 or more to compare/gate)
  --warmup N             unmeasured runs per row before those, server delays skipped (default: ${RUN_DEFAULTS.warmup})
  --time-scale F         multiply every server delay, e.g. 0.05 (default: ${RUN_DEFAULTS.timeScale})
  --timeout-ms N         per-request timeout (default: ${RUN_DEFAULTS.timeoutMs})
${RESILIENCE_HELP}${REMOTE_LOAD_HELP}${LOAD_HELP}${OPEN_HELP}  --micro-time-ms N      micro suite: tinybench time per task (default: ${MICRO_DEFAULTS.timeMs};
                         ${MICRO_DEFAULTS.quickTimeMs} in the default run)
  --scale-budget-s F     scale suite: skip points whose ideal exceeds F seconds (default: ${SCALE_DEFAULTS.budgetS})
  --out DIR              where reports go (default: ${RUN_DEFAULTS.out}/): <timestamp>.json and latest.json
  --json                 print the JSON report on stdout and nothing else
  --quiet                print only the report's path
${RUN_GATE_HELP}  --help                 this text
`;

export interface RunCommandOptions extends Omit<RunOptions, 'signal' | 'onProgress' | 'onReport'> {
  out: string;
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
    'micro-time-ms': { type: 'string' },
    'scale-budget-s': { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' },
    quiet: { type: 'boolean' },
    ...RUN_GATE_FLAGS,
    help: { type: 'boolean', short: 'h' },
    ...RESILIENCE_FLAGS,
    ...REMOTE_LOAD_FLAGS,
    ...LOAD_FLAGS,
    ...OPEN_FLAGS,
  });
  if (values.help) return 'help';
  if (positionals.length > 0) throw new InputError(`run: unexpected argument "${positionals[0]}" (see fanout-bench run --help)`);
  const strategies = values.strategies
    ? listOf('strategies', values.strategies, (name) => oneOf('strategies', name, STRATEGY_NAMES as StrategyName[]))
    : [...DEFAULT_STRATEGIES];
  const files = values.urls ? listOf('urls', values.urls, (file) => file) : DEFAULT_URL_FILES;
  const fixtures = await Promise.all(files.map(loadFixture));
  const names = fixtures.map((f) => f.name);
  const clash = names.find((name, i) => names.indexOf(name) !== i);
  if (clash) throw new InputError(`--urls: two URL sets are both named "${clash}"; give one a different "name"`);
  // Without --suite: the strategies plus short load and micro passes, within about a minute.
  const defaultRun = values.suite === undefined;
  // Another target (--target) gets the strategies only, unless other suites are asked for by name.
  const defaultSuites: string[] = values.target === undefined ? DEFAULT_SUITES : ['strategies'];
  const suiteList = values.suite ? listOf('suite', values.suite, (name) => name) : defaultSuites;
  const suites = suiteList.includes('all') ? [...SUITE_NAMES] : suiteList.map((name) => oneOf('suite', name, SUITE_NAMES as SuiteName[]));
  const resilience = parseResilienceFlags(values);
  const remoteLoad = parseRemoteLoadFlags(values);
  const options = {
    ...resilience,
    ...remoteLoad,
    suites,
    fixtures,
    strategies,
    concurrency: values.concurrency ? listOf('concurrency', values.concurrency, (k) => positiveInt('concurrency', k)) : null,
    client: values.client === undefined ? RUN_DEFAULTS.client : oneOf('client', values.client, CLIENT_NAMES),
    iterations: values.iterations === undefined ? RUN_DEFAULTS.iterations : positiveInt('iterations', values.iterations),
    warmup: values.warmup === undefined ? RUN_DEFAULTS.warmup : nonNegativeInt('warmup', values.warmup),
    timeScale: values['time-scale'] === undefined ? RUN_DEFAULTS.timeScale : atMost('time-scale', positiveNumber('time-scale', values['time-scale']), MAX_TIME_SCALE),
    timeoutMs: values['timeout-ms'] === undefined ? RUN_DEFAULTS.timeoutMs : positiveNumber('timeout-ms', values['timeout-ms']),
    load: parseLoadFlags(values, defaultRun ? LOAD_QUICK : LOAD_DEFAULTS),
    open: capOpenRates(parseOpenFlags(values), remoteLoad.maxRatePerSec),
    ...(values['micro-time-ms'] === undefined
      ? defaultRun
        ? { microTimeMs: MICRO_DEFAULTS.quickTimeMs }
        : {}
      : { microTimeMs: positiveNumber('micro-time-ms', values['micro-time-ms']) }),
    ...(values['scale-budget-s'] === undefined ? {} : { scaleBudgetS: positiveNumber('scale-budget-s', values['scale-budget-s']) }),
    out: values.out ?? RUN_DEFAULTS.out,
    json: values.json ?? false,
    quiet: values.quiet ?? false,
    gate: await loadRunGate(values),
  };
  assertRemoteRunWithinCaps(options);
  // The scale suite runs its own delay server on a worker thread; it cannot measure another target.
  if (options.target !== undefined && options.suites.includes('scale')) {
    throw new InputError('--target: the scale suite always measures its own delay server; leave scale out of --suite');
  }
  return options;
}

export interface CommandIO {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  signal: AbortSignal;
}

/** Returns the exit code: 0, 1 when a strategy row errored or a regression was found, 99 when a threshold failed, 130 when interrupted. */
export async function runCommand(args: string[], io: CommandIO): Promise<number> {
  const options = await parseRunFlags(args);
  if (options === 'help') {
    io.stdout.write(RUN_HELP);
    return 0;
  }
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
  if (options.json) io.stdout.write(reporters.json.render(report));
  else if (options.quiet) io.stdout.write(`${reportPath}\n`);
  else io.stdout.write(`${reporters.table.render(report)}${reporters.resilience.render(report)}\n${reporters.waterfall.render(report)}\nreport: ${reportPath}\n`);
  if (!report.complete) {
    io.stderr.write(`fanout-bench: interrupted; the partial report (complete: false) is ${reportPath ?? 'not written'}\n`);
    return 130;
  }
  const gateCode = await finishRunGate(report, reportPath, options.gate, io, options.json || options.quiet);
  return gateCode !== 0 ? gateCode : harnessFailures(report).length > 0 ? 1 : 0;
}
