// --max-rate and --runners: the load and open-loop suites may load a non-loopback target only with
// --allow-remote AND an explicit per-runner rate cap; the total (runners × rate) is stated first.
import { InputError } from '../util/input-error.ts';
import type { SuiteName } from '../suites/index.ts';
import type { OpenOptions } from '../suites/open/options.ts';
import { positiveInt } from './flags.ts';

export const REMOTE_LOAD_FLAGS = {
  'max-rate': { type: 'string' },
  runners: { type: 'string' },
} as const;

export const REMOTE_LOAD_HELP = `  --max-rate R           load and open suites: at most R requests/s from this runner (autocannon's
                         overallRate, latency uncorrected; open-loop rates capped at R); required,
                         with --allow-remote, to run them against a non-loopback --target
  --runners N            how many runners load the target at once (a CI matrix), stated as N × R
                         before the first request and kept in the report (default: 1)
`;

export interface RemoteLoadValues {
  'max-rate'?: string;
  runners?: string;
}

export interface RemoteLoad {
  maxRatePerSec?: number;
  runners?: number;
}

/** Suites that put sustained load on the target, and so need a rate cap when it is remote. */
export const LOAD_SUITES: readonly SuiteName[] = ['load', 'open'];

export function parseRemoteLoadFlags(values: RemoteLoadValues): RemoteLoad {
  // autocannon's overallRate takes whole requests per second.
  const maxRatePerSec = values['max-rate'] === undefined ? undefined : positiveInt('max-rate', values['max-rate']);
  const runners = values.runners === undefined ? undefined : positiveInt('runners', values.runners);
  if (runners !== undefined && maxRatePerSec === undefined) throw new InputError('--runners: only meaningful with --max-rate R (requests/s per runner)');
  if (runners !== undefined && runners > 256) throw new InputError(`--runners: expected at most 256, got ${runners}`);
  return { ...(maxRatePerSec === undefined ? {} : { maxRatePerSec, runners: runners ?? 1 }) };
}

/**
 * Which suites may run: against a remote target, load and open need --max-rate (and were allowed
 * by --allow-remote already); the strategies suite keeps its own caps; nothing else may run.
 */
export function assertRemoteSuites(suites: readonly SuiteName[], remote: boolean, load: RemoteLoad, target: string | undefined): void {
  if (!remote) return;
  const loading = suites.filter((name) => LOAD_SUITES.includes(name));
  if (loading.length > 0 && load.maxRatePerSec === undefined) {
    throw new InputError(`--target: the ${loading.join(' and ')} suite${loading.length > 1 ? 's' : ''} may run against ${new URL(target ?? '').host} only with --max-rate R (requests/s per runner)`);
  }
  const others = suites.filter((name) => name !== 'strategies' && !LOAD_SUITES.includes(name));
  if (others.length > 0) throw new InputError(`--target: ${others.join(', ')} cannot run against a remote target (strategies, load and open can)`);
}

/** The open-loop sweep never schedules more than the cap: both ends of its rates are clamped to it. */
export function capOpenRates(open: OpenOptions, maxRatePerSec: number | undefined): OpenOptions {
  if (maxRatePerSec === undefined) return open;
  return { ...open, startRatePerSec: Math.min(open.startRatePerSec, maxRatePerSec), maxRatePerSec: Math.min(open.maxRatePerSec, maxRatePerSec) };
}

/** The line printed before the first request of a rate-capped run. */
export function remoteLoadStatement(target: string, load: Required<RemoteLoad>): string {
  const total = load.runners * load.maxRatePerSec;
  return `fanout-bench: load and open suites will send to ${target} at most ${load.maxRatePerSec} req/s from this runner; ${load.runners} runner(s) × ${load.maxRatePerSec} req/s = at most ${total} req/s in total\n`;
}
