// Splits `ab`'s command line: its own flags are taken out, everything else goes to `run` on both
// sides unchanged (later also bench file paths). Pure, so it is tested without git or processes.
import { InputError } from '../util/input-error.ts';

/** ab's flags; `true` = takes a value. */
export const AB_FLAGS = {
  base: true,
  'base-dir': true,
  rounds: true,
  'head-args': true,
  'skip-unmatched': false,
  threshold: true,
  alpha: true,
  metric: true,
  'fail-on': true,
  config: true,
  format: true,
  out: true,
  help: false,
} as const;
export type AbFlag = keyof typeof AB_FLAGS;

/** run flags ab sets itself, or that would write or gate on their own. */
const RESERVED_RUN_FLAGS = ['json', 'quiet', 'baseline', 'save-baseline'];

export interface SplitArgs {
  /** ab's flags: the last value of each, and every value of --metric. */
  ab: Partial<Record<AbFlag, string[]>>;
  run: string[];
}

export function splitAbArgs(args: readonly string[]): SplitArgs {
  const ab: Partial<Record<AbFlag, string[]>> = {};
  const run: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const match = /^--([\w-]+)(?:=(.*))?$/s.exec(arg);
    const name = match?.[1];
    if (arg === '-h') {
      ab.help = ['true'];
      continue;
    }
    if (name === undefined || !(name in AB_FLAGS)) {
      if (name !== undefined && RESERVED_RUN_FLAGS.includes(name)) throw new InputError(`ab: --${name} is not passed to run (ab collects the reports itself and writes its own under --out)`);
      run.push(arg);
      continue;
    }
    const flag = name as AbFlag;
    let value = match?.[2];
    if (AB_FLAGS[flag]) {
      if (value === undefined) {
        value = args[++i];
        if (value === undefined) throw new InputError(`ab: --${flag} needs a value`);
      }
    } else if (value !== undefined) throw new InputError(`ab: --${flag} takes no value`);
    (ab[flag] ??= []).push(value ?? 'true');
  }
  return { ab, run };
}

/** `--head-args "--time-scale 0.022"` → ['--time-scale', '0.022']; whitespace-separated, no quoting. */
export const splitWords = (text: string): string[] => text.split(/\s+/).filter((word) => word !== '');
