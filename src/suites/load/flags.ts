// The load suite's flags: declared here and spread into `run`'s flag table, parsed into LoadOptions.
import { InputError } from '../../util/input-error.ts';
import { LOAD_DEFAULTS, LOAD_QUICK, MAX_LOAD_PAIRS, type LoadOptions } from './options.ts';
import { atMost, listOf, nonNegativeNumber, positiveInt, positiveNumber } from '../../cli/flags.ts';

export const LOAD_FLAGS = {
  'load-connections': { type: 'string', multiple: true },
  'load-endpoints': { type: 'string', multiple: true },
  'load-duration-s': { type: 'string' },
  'load-warmup-s': { type: 'string' },
  'load-prewarm-s': { type: 'string' },
  'load-pairs': { type: 'string' },
} as const;

export const LOAD_HELP = `  --load-connections LIST load suite: connections per point (default: ${LOAD_DEFAULTS.connections.join(',')})
  --load-endpoints LIST  load suite: delay-server paths (default: ${LOAD_DEFAULTS.endpoints.join(',')})
  --load-duration-s S    load suite: measured seconds per point and server (default: ${LOAD_DEFAULTS.durationS})
  --load-warmup-s S      load suite: unmeasured seconds before each run (default: ${LOAD_DEFAULTS.warmupS})
  --load-prewarm-s S     load suite: unmeasured seconds per endpoint and server before the sweep (default: ${LOAD_DEFAULTS.preWarmS})
  --load-pairs N         load suite: interleaved delay/bare pairs per point, sharing its duration; "vs bare" is
                         the median of the pairs' ratios, with their range (default: ${LOAD_DEFAULTS.pairs}, at most ${MAX_LOAD_PAIRS})
                         (the default run's short pass: ${LOAD_QUICK.connections.join(',')} connections, ${LOAD_QUICK.durationS} s per point)
`;

export interface LoadFlagValues {
  'load-connections'?: string[];
  'load-endpoints'?: string[];
  'load-duration-s'?: string;
  'load-warmup-s'?: string;
  'load-prewarm-s'?: string;
  'load-pairs'?: string;
}

/** `defaults` is LOAD_QUICK for the default run's short pass; a flag given overrides either. */
export async function parseLoadFlags(values: LoadFlagValues, defaults: LoadOptions = LOAD_DEFAULTS): Promise<LoadOptions> {
  const endpoints = values['load-endpoints'] ? listOf('load-endpoints', values['load-endpoints'], (raw) => raw) : null;
  return {
    connections: values['load-connections'] ? listOf('load-connections', values['load-connections'], (c) => positiveInt('load-connections', c)) : defaults.connections,
    endpoints: endpoints ? await Promise.all(endpoints.map((raw) => endpoint(raw))) : defaults.endpoints,
    durationS: values['load-duration-s'] === undefined ? defaults.durationS : positiveNumber('load-duration-s', values['load-duration-s']),
    warmupS: values['load-warmup-s'] === undefined ? defaults.warmupS : nonNegativeNumber('load-warmup-s', values['load-warmup-s']),
    preWarmS: values['load-prewarm-s'] === undefined ? defaults.preWarmS : nonNegativeNumber('load-prewarm-s', values['load-prewarm-s']),
    pairs: values['load-pairs'] === undefined ? defaults.pairs : atMost('load-pairs', positiveInt('load-pairs', values['load-pairs']), MAX_LOAD_PAIRS),
  };
}

/** A GET path the delay server answers; anything else would measure 404s. The route table is loaded
 *  only when a path is given, so `--help` does not load the server. */
export async function endpoint(raw: string, flag = 'load-endpoints'): Promise<string> {
  if (!raw.startsWith('/')) throw new InputError(`--${flag}: expected a path such as /get, got "${raw}"`);
  const { matchRoute } = await import('../../server/routes.ts');
  const match = matchRoute(new URL(raw, 'http://x').pathname, 'GET');
  if (match === null || match === 'method-not-allowed') throw new InputError(`--${flag}: the delay server has no GET route for "${raw}"`);
  return raw;
}
