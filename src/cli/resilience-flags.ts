// Flags for seeds, retries and the target of `run`: validated here, once, into RunOptions fields.
import { InputError } from '../util/input-error.ts';
import type { LoadedFixture } from '../run/fixtures.ts';
import type { RunOptions } from '../run/run-bench.ts';
import type { RetryPolicyOptions } from '../suites/suite.ts';
import { assertTargetAllowed, assertWithinRemoteCaps, REMOTE_CAPS } from '../run/safety.ts';
import { strategies, type StrategyName } from '../strategies/index.ts';
import { planRows } from '../suites/strategies/plan.ts';
import { RETRY_DEFAULTS } from '../request/retry.ts';
import { nonNegativeInt, nonNegativeNumber } from './flags.ts';
import { assertRemoteSuites } from './remote-load-flags.ts';

export const RESILIENCE_FLAGS = {
  seed: { type: 'string' },
  retries: { type: 'string' },
  'retry-budget': { type: 'string' },
  'backoff-base-ms': { type: 'string' },
  'backoff-max-ms': { type: 'string' },
  target: { type: 'string' },
  'allow-remote': { type: 'boolean' },
} as const;

export const RESILIENCE_HELP = `  --seed N               seeds the server's /flaky, weighted /status and the retry jitter (default: 1)
  --retries N            retries per request for pool-retry (default: ${RETRY_DEFAULTS.maxRetries})
  --retry-budget F       at most ceil(F × requests) retries per run (default: ${RETRY_DEFAULTS.budget})
  --backoff-base-ms N    first backoff cap; doubles per retry, full jitter (default: ${RETRY_DEFAULTS.backoffBaseMs})
  --backoff-max-ms N     largest backoff cap; Retry-After overrides it (default: ${RETRY_DEFAULTS.backoffMaxMs})
  --target URL           measure this server instead of the local delay server (loopback only)
  --allow-remote         allow a non-loopback --target, capped at ${REMOTE_CAPS.maxTotalRequests} requests and ${REMOTE_CAPS.maxRequestsPerSec}/s
`;

interface ResilienceValues {
  seed?: string;
  retries?: string;
  'retry-budget'?: string;
  'backoff-base-ms'?: string;
  'backoff-max-ms'?: string;
  target?: string;
  'allow-remote'?: boolean;
}

export type ResilienceOptions = Pick<RunOptions, 'seed' | 'retry' | 'target' | 'rateCapPerSec'>;

export function parseResilienceFlags(values: ResilienceValues): ResilienceOptions {
  const retry: RetryPolicyOptions = {
    maxRetries: values.retries === undefined ? RETRY_DEFAULTS.maxRetries : nonNegativeInt('retries', values.retries),
    budget: values['retry-budget'] === undefined ? RETRY_DEFAULTS.budget : nonNegativeNumber('retry-budget', values['retry-budget']),
    backoffBaseMs: values['backoff-base-ms'] === undefined ? RETRY_DEFAULTS.backoffBaseMs : nonNegativeNumber('backoff-base-ms', values['backoff-base-ms']),
    backoffMaxMs: values['backoff-max-ms'] === undefined ? RETRY_DEFAULTS.backoffMaxMs : nonNegativeNumber('backoff-max-ms', values['backoff-max-ms']),
  };
  if (retry.maxRetries > 100) throw new InputError(`--retries: expected at most 100, got ${retry.maxRetries}`);
  if (retry.backoffMaxMs < retry.backoffBaseMs) {
    throw new InputError(`--backoff-max-ms: expected at least --backoff-base-ms (${retry.backoffBaseMs}), got ${retry.backoffMaxMs}`);
  }
  const seed = values.seed === undefined ? 1 : nonNegativeInt('seed', values.seed);
  if (seed > 2 ** 32 - 1) throw new InputError(`--seed: expected at most ${2 ** 32 - 1}, got ${seed}`);
  if (values['allow-remote'] && values.target === undefined) throw new InputError('--allow-remote: only meaningful with --target URL');
  if (values.target === undefined) return { seed, retry };
  const { remote } = assertTargetAllowed(values.target, { allowRemote: values['allow-remote'] ?? false, flag: 'target' });
  return { seed, retry, target: values.target, ...(remote ? { rateCapPerSec: REMOTE_CAPS.maxRequestsPerSec } : {}) };
}

/** The most tries a strategy run could send: every request, plus every retry the budget allows. */
export function plannedTries(
  fixtures: readonly LoadedFixture[],
  names: readonly StrategyName[],
  concurrency: readonly number[] | null,
  runsPerRow: number,
  retry: RetryPolicyOptions,
): number {
  return planRows(fixtures, names, concurrency, 'http://127.0.0.1/').reduce((sum, row) => {
    const n = row.urls.length;
    const retries = strategies[row.strategy].retries === true ? Math.min(n * retry.maxRetries, Math.ceil(retry.budget * n)) : 0;
    return sum + (n + retries) * runsPerRow;
  }, 0);
}

/** For remote targets: refuses a run whose worst case is over REMOTE_CAPS. */
export function assertRemoteRunWithinCaps(
  options: ResilienceOptions & Pick<RunOptions, 'fixtures' | 'strategies' | 'concurrency' | 'iterations' | 'warmup' | 'suites' | 'maxRatePerSec'>,
): void {
  if (options.rateCapPerSec === undefined) return;
  // Load and open need --max-rate (src/cli/remote-load-flags.ts); the strategies suite keeps the caps below.
  assertRemoteSuites(options.suites, true, options, options.target);
  if (!options.suites.includes('strategies')) return;
  assertWithinRemoteCaps(
    plannedTries(options.fixtures, options.strategies, options.concurrency, options.iterations + options.warmup, { ...RETRY_DEFAULTS, ...options.retry }),
  );
}
