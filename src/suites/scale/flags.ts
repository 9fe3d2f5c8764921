// The scale suite's grid and pairing flags: declared here and spread into `run`'s flag table
// with --scale-budget-s.
import type { ScaleGrid } from './index.ts';
import { SCALE_DEFAULTS } from './options.ts';
import { atMost, listOf, positiveInt } from '../../cli/flags.ts';

export const SCALE_FLAGS = {
  'scale-requests': { type: 'string', multiple: true },
  'scale-concurrency': { type: 'string', multiple: true },
  'scale-pairs': { type: 'string' },
  'scale-recorder': { type: 'boolean' },
} as const;

/** Concurrency beyond this would pass the delay server's connection limit with the floor's sockets beside the harness's. */
export const MAX_SCALE_CONCURRENCY = 1_000;
export const MAX_SCALE_REQUESTS = 100_000;
export const MAX_SCALE_PAIRS = 15;

export const SCALE_HELP = `  --scale-requests LIST  scale suite: requests per point (default: ${SCALE_DEFAULTS.requests.join(',')})
  --scale-concurrency LIST scale suite: concurrency per point, at most ${MAX_SCALE_CONCURRENCY} (default: ${SCALE_DEFAULTS.concurrency.join(',')})
  --scale-pairs N        scale suite: harness/floor pairs per point, interleaved, at most ${SCALE_DEFAULTS.pairBudgetS} s
                         of pairs per point (default: ${SCALE_DEFAULTS.pairs})
  --scale-recorder       scale suite: also record every measured harness run through the diagnostics-channel
                         recorder, as bench files' variants are (its cost then shows in harness/floor)
`;

export interface ScaleFlagValues {
  'scale-requests'?: string[];
  'scale-concurrency'?: string[];
  'scale-pairs'?: string;
  'scale-recorder'?: boolean;
}

export function parseScaleFlags(values: ScaleFlagValues): ScaleGrid {
  const requests = values['scale-requests'];
  const concurrency = values['scale-concurrency'];
  const pairs = values['scale-pairs'];
  return {
    ...(requests ? { requests: listOf('scale-requests', requests, (n) => atMost('scale-requests', positiveInt('scale-requests', n), MAX_SCALE_REQUESTS)) } : {}),
    ...(concurrency
      ? { concurrency: listOf('scale-concurrency', concurrency, (n) => atMost('scale-concurrency', positiveInt('scale-concurrency', n), MAX_SCALE_CONCURRENCY)) }
      : {}),
    ...(pairs === undefined ? {} : { pairs: atMost('scale-pairs', positiveInt('scale-pairs', pairs), MAX_SCALE_PAIRS) }),
    ...(values['scale-recorder'] ? { recorder: true } : {}),
  };
}
