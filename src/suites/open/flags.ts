// The open-loop suite's flags: declared here and spread into `run`'s flag table, parsed into OpenOptions.
import { InputError } from '../../util/input-error.ts';
import { ARRIVALS } from './arrivals.ts';
import { OPEN_DEFAULTS, OPEN_LLM_DEFAULTS, type OpenOptions } from './options.ts';
import { nonNegativeInt, oneOf, positiveInt, positiveNumber } from '../../cli/flags.ts';
import { endpoint } from '../load/flags.ts';

export const OPEN_FLAGS = {
  'open-endpoint': { type: 'string' },
  'open-arrivals': { type: 'string' },
  'open-burstiness': { type: 'string' },
  'open-seed': { type: 'string' },
  'open-start-rate': { type: 'string' },
  'open-max-rate': { type: 'string' },
  'open-step-s': { type: 'string' },
  'open-step-requests': { type: 'string' },
  'open-max-in-flight': { type: 'string' },
  'open-llm': { type: 'string' },
  'open-llm-max-tokens': { type: 'string' },
} as const;

const d = OPEN_DEFAULTS;
export const OPEN_HELP = `  --open-endpoint PATH   open loop: delay-server path (default: ${d.endpoint})
  --open-arrivals KIND   open loop: ${ARRIVALS.join(' | ')} (default: ${d.arrivals})
  --open-burstiness B    open loop: gamma arrivals' shape, 1 = Poisson, < 1 burstier (default: ${d.burstiness})
  --open-seed N          open loop: seed of the random arrivals (default: ${d.seed})
  --open-start-rate R    open loop: first rate, req/s; doubled each step (default: ${d.startRatePerSec})
  --open-max-rate R      open loop: last rate unless it knees first (default: ${d.maxRatePerSec})
  --open-step-s S        open loop: at most S seconds per rate step (default: ${d.stepMaxS})
  --open-step-requests N open loop: at most N requests per rate step (default: ${d.stepMaxRequests})
  --open-max-in-flight N open loop: requests due beyond N pending are dropped (default: ${d.maxInFlight})
  --open-llm MODEL       open loop: each arrival POSTs a streamed chat completion of MODEL (one seeded body) to
                         ${OPEN_LLM_DEFAULTS.endpoint} (or --open-endpoint); steps add TTFT and 429s (default: off)
  --open-llm-max-tokens N open loop with --open-llm: max_tokens of each answer (default: ${OPEN_LLM_DEFAULTS.maxTokens})
`;

export interface OpenFlagValues {
  'open-endpoint'?: string;
  'open-arrivals'?: string;
  'open-burstiness'?: string;
  'open-seed'?: string;
  'open-start-rate'?: string;
  'open-max-rate'?: string;
  'open-step-s'?: string;
  'open-step-requests'?: string;
  'open-max-in-flight'?: string;
  'open-llm'?: string;
  'open-llm-max-tokens'?: string;
}

export async function parseOpenFlags(values: OpenFlagValues): Promise<OpenOptions> {
  const get = <T>(flag: keyof OpenFlagValues, parse: (flag: string, raw: string) => T, fallback: T): T => {
    const raw = values[flag];
    return raw === undefined ? fallback : parse(flag, raw);
  };
  const llm = parseOpenLlm(values);
  const options: OpenOptions = {
    endpoint: llm ? llmEndpoint(values['open-endpoint']) : values['open-endpoint'] === undefined ? d.endpoint : await endpoint(values['open-endpoint'], 'open-endpoint'),
    arrivals: get('open-arrivals', (flag, raw) => oneOf(flag, raw, ARRIVALS), d.arrivals),
    burstiness: get('open-burstiness', positiveNumber, d.burstiness),
    seed: get('open-seed', nonNegativeInt, d.seed),
    startRatePerSec: get('open-start-rate', positiveNumber, d.startRatePerSec),
    maxRatePerSec: get('open-max-rate', positiveNumber, d.maxRatePerSec),
    stepMaxS: get('open-step-s', positiveNumber, d.stepMaxS),
    stepMaxRequests: get('open-step-requests', positiveInt, d.stepMaxRequests),
    maxInFlight: get('open-max-in-flight', positiveInt, d.maxInFlight),
    llm,
  };
  if (options.maxRatePerSec < options.startRatePerSec) {
    throw new InputError(`--open-max-rate: ${options.maxRatePerSec} is below the start rate ${options.startRatePerSec}`);
  }
  return options;
}

function parseOpenLlm(values: OpenFlagValues): NonNullable<OpenOptions['llm']> | null {
  const model = values['open-llm'];
  const maxTokens = values['open-llm-max-tokens'];
  if (model === undefined) {
    if (maxTokens !== undefined) throw new InputError('--open-llm-max-tokens: only meaningful with --open-llm MODEL');
    return null;
  }
  if (model.trim() === '') throw new InputError('--open-llm: expected a model name such as fast or gpt-4o-mini');
  return { model: model.trim(), maxTokens: maxTokens === undefined ? OPEN_LLM_DEFAULTS.maxTokens : positiveInt('open-llm-max-tokens', maxTokens) };
}

/** Any path for an LLM endpoint (a --target may serve it elsewhere); the delay server's is the default. */
function llmEndpoint(raw: string | undefined): string {
  if (raw === undefined) return OPEN_LLM_DEFAULTS.endpoint;
  if (!raw.startsWith('/')) throw new InputError(`--open-endpoint: expected a path such as ${OPEN_LLM_DEFAULTS.endpoint}, got "${raw}"`);
  return raw;
}
