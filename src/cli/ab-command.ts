// `fanout-bench ab --base REF [run flags]`: the base revision in a git worktree and the head
// (this checkout) measured interleaved, each side its own process, then compared like `compare`.
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { splitAbArgs, splitWords, type AbFlag } from '../ab/args.ts';
import { collectAb, type RoundReport } from '../ab/collect.ts';
import { checkoutBase, headState, resolveCommit } from '../ab/git.ts';
import { abOrder } from '../ab/order.ts';
import { abText } from '../ab/reporter.ts';
import { runSide } from '../ab/side.ts';
import { COMPARE_DEFAULTS } from '../compare/compare.ts';
import { comparisonReporters } from '../compare/reporters/index.ts';
import { loadConfig } from '../compare/thresholds/config.ts';
import { InputError } from '../util/input-error.ts';
import { thresholdPct } from './compare-command.ts';
import { writeFileAtomic } from './files.ts';
import { oneOf, positiveInt } from './flags.ts';
import { FAIL_ON, THRESHOLD_EXIT_CODE, appendStepSummary, gateExitCode } from './gate.ts';
import type { CommandIO } from './io.ts';

const HEAD_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const AB_DEFAULTS = { rounds: 4, out: join('results', 'ab') };
const AB_FORMATS = ['text', 'json'] as const;

export const AB_HELP = `Usage: fanout-bench ab --base REF [ab flags] [run flags]

Measures the base revision REF and this checkout (head) on the same machine, interleaved: REF is
checked out into a temporary git worktree and installed (npm ci), then each round runs
'fanout-bench run' once per side — base, head, head, base, … — each side in its own process with
its own delay server and the same seeds. Every flag that is not an ab flag goes to run on both
sides unchanged (e.g. --suite strategies --urls fixtures/lesson.json --iterations 3). The samples
of all rounds, tagged by revision and round, are compared as 'compare' does.

  --base REF          the base revision (a commit, branch or tag the repository has)
  --base-dir DIR      keep the base worktree in DIR and reuse its install while package-lock.json
                      is unchanged (repeated runs skip npm ci)
  --rounds N          rounds, each one run per side (default: ${AB_DEFAULTS.rounds})
  --head-args "ARGS"  extra run flags for the head side only, e.g. "--time-scale 0.022" to inject a
                      known slowdown when measuring what ab can detect
  --skip-unmatched    leave out rows that exist on one side only (else: exit 2)
  --threshold PCT, --alpha A, --metric GLOB, --fail-on WHEN, --config FILE   as for compare
  --format F          text | json (default: text)
  --out DIR           where ab.json and each side's reports go (default: ${AB_DEFAULTS.out})
  --help              this text

Exit: 0 no regression, 1 regression (or a harness failure, or nothing compared), 2 bad input or a
row on one side only, 99 a threshold failed, 130 interrupted.
`;

const last = (values: Partial<Record<AbFlag, string[]>>, flag: AbFlag): string | undefined => values[flag]?.at(-1);

export async function abCommand(args: string[], io: CommandIO): Promise<number> {
  const { ab, run: runArgs } = splitAbArgs(args);
  if (ab.help) {
    io.stdout.write(AB_HELP);
    return 0;
  }
  const ref = last(ab, 'base');
  if (ref === undefined) throw new InputError('ab: --base REF is required (the revision to measure against, e.g. origin/main)');
  const rounds = ab.rounds ? positiveInt('rounds', last(ab, 'rounds')!) : AB_DEFAULTS.rounds;
  if (rounds > 50) throw new InputError(`--rounds: expected at most 50, got ${rounds}`);
  const failOn = ab['fail-on'] ? oneOf('fail-on', last(ab, 'fail-on')!, FAIL_ON) : 'regressed';
  const format = ab.format ? oneOf('format', last(ab, 'format')!, AB_FORMATS) : 'text';
  const threshold = ab.threshold ? thresholdPct(last(ab, 'threshold')!) : COMPARE_DEFAULTS.threshold;
  const alphaRaw = last(ab, 'alpha');
  const alpha = alphaRaw === undefined ? COMPARE_DEFAULTS.alpha : Number(alphaRaw);
  if (!(alpha > 0 && alpha < 1)) throw new InputError(`--alpha: expected a number between 0 and 1, got "${alphaRaw}"`);
  const config = ab.config ? await loadConfig(last(ab, 'config')!) : null;
  const headArgs = ab['head-args'] ? splitWords(last(ab, 'head-args')!) : [];
  const out = resolve(last(ab, 'out') ?? AB_DEFAULTS.out);
  const baseDir = last(ab, 'base-dir') ?? null;
  const log = (line: string): void => void io.stderr.write(`${line}\n`);

  const [baseCommit, head] = await Promise.all([resolveCommit(HEAD_ROOT, ref), headState(HEAD_ROOT)]);
  const base = await checkoutBase(HEAD_ROOT, baseCommit, baseDir, log);
  const runs: RoundReport[] = [];
  try {
    // Relative paths in the run flags mean the same place in either checkout.
    const where = relative(HEAD_ROOT, process.cwd());
    const baseCwd = where.startsWith('..') || isAbsolute(where) ? base.dir : join(base.dir, where);
    for (const step of abOrder(rounds)) {
      if (io.signal.aborted) break;
      const label = `${step.revision} round ${step.round}/${rounds}`;
      log(`ab: ${label}`);
      const sideOut = join(out, 'runs', `${step.revision}-r${step.round}`);
      const report = await runSide({
        root: step.revision === 'base' ? base.dir : HEAD_ROOT,
        cwd: step.revision === 'base' ? baseCwd : process.cwd(),
        args: [...runArgs, ...(step.revision === 'head' ? headArgs : []), '--out', sideOut],
        label,
        signal: io.signal,
      });
      runs.push({ ...step, report });
    }
  } catch (error) {
    // Ctrl-C ends the side in flight too; that is an interruption, not a failure.
    if (!io.signal.aborted) throw error;
  } finally {
    await base.dispose();
  }
  if (io.signal.aborted) {
    log(`fanout-bench: ab: interrupted after ${runs.length} of ${rounds * 2} side runs; nothing compared`);
    return 130;
  }
  const result = collectAb(
    runs,
    { base: { ref, commit: baseCommit }, head, rounds, runArgs, headArgs },
    { skipUnmatched: ab['skip-unmatched'] !== undefined, threshold, alpha, metricGlobs: ab.metric ?? [], ...(config ? { thresholds: config.thresholds } : {}) },
  );
  const json = `${JSON.stringify(result, null, 2)}\n`;
  await writeFileAtomic(join(out, 'ab.json'), json);
  await appendStepSummary(comparisonReporters.markdown.render(result.comparison));
  io.stdout.write(format === 'json' ? json : abText(result));
  log(`ab: wrote ${join(out, 'ab.json')}`);
  const code = gateExitCode(result.comparison, { failOn, strict: false });
  if (code === THRESHOLD_EXIT_CODE) return code;
  if (result.comparison.metrics.length === 0) {
    log('fanout-bench: ab: the two sides share no compared metric, so nothing was compared');
    return 1;
  }
  if (result.harnessFailures.length > 0) {
    log(`fanout-bench: ab: ${result.harnessFailures.length} failure(s) inside the harness, e.g. ${result.harnessFailures[0]}`);
    return Math.max(code, 1);
  }
  return code;
}
