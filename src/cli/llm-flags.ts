// `serve` and `run` flags of the simulated LLM API: rate limits per API key, the default model preset, the
// largest max_tokens. Parsed here once for both commands.
import { PRESET_NAMES } from '../server/llm/presets.ts';
import { LLM_DEFAULTS, type LlmOptions } from '../server/llm/state.ts';
import { nonNegativeInt, oneOf, positiveInt } from './flags.ts';
import { InputError } from '../util/input-error.ts';

export const LLM_SERVE_FLAGS = {
  'llm-rpm': { type: 'string' },
  'llm-tpm': { type: 'string' },
  'llm-preset': { type: 'string' },
  'llm-max-tokens': { type: 'string' },
} as const;

const LLM_FLAG_TEXT = [
  ['--llm-rpm N', `requests per minute per API key (default: ${LLM_DEFAULTS.rpm} = unlimited); the minute follows --time-scale`],
  ['--llm-tpm N', `tokens per minute per API key (default: ${LLM_DEFAULTS.tpm} = unlimited)`],
  ['--llm-preset P', `latency preset for unknown model names: ${PRESET_NAMES.join(', ')} (default: ${LLM_DEFAULTS.preset})`],
  ['--llm-max-tokens N', `largest max_tokens accepted (default: ${LLM_DEFAULTS.maxOutputTokens})`],
] as const;

/** Each command's help aligns its own column; a flag as wide as the column gets two spaces after it. */
const flagLines = (width: number): string => LLM_FLAG_TEXT.map(([flag, text]) => `  ${flag.length < width ? flag.padEnd(width) : `${flag}  `}${text}\n`).join('');

export const LLM_SERVE_HELP = `
Simulated LLM API: POST /v1/chat/completions (OpenAI), POST /v1/messages (Anthropic), GET /v1/models.
${flagLines(18)}`;

export const LLM_RUN_HELP = `${flagLines(23)}                         (the simulated LLM API of the run's own delay server, for URL sets of chat
                         completions or messages; a bench file's own server keeps its server.llm,
                         and they do not apply to a --target)
`;

/** The run's server's LLM options when any --llm-* flag is given (checked as for serve), else undefined. */
export function parseLlmRunFlags(values: Partial<Record<keyof typeof LLM_SERVE_FLAGS, string>>, target: string | undefined): LlmOptions | undefined {
  const given = (Object.keys(LLM_SERVE_FLAGS) as (keyof typeof LLM_SERVE_FLAGS)[]).find((flag) => values[flag] !== undefined);
  if (given === undefined) return undefined;
  const llm = parseLlmServeFlags(values);
  if (target !== undefined) throw new InputError(`--${given}: sets the run's own delay server's LLM API, which --target replaces; leave one out`);
  return llm;
}

export function parseLlmServeFlags(values: Partial<Record<keyof typeof LLM_SERVE_FLAGS, string>>): LlmOptions {
  return {
    rpm: values['llm-rpm'] === undefined ? LLM_DEFAULTS.rpm : nonNegativeInt('llm-rpm', values['llm-rpm']),
    tpm: values['llm-tpm'] === undefined ? LLM_DEFAULTS.tpm : nonNegativeInt('llm-tpm', values['llm-tpm']),
    preset: values['llm-preset'] === undefined ? LLM_DEFAULTS.preset : oneOf('llm-preset', values['llm-preset'], PRESET_NAMES),
    maxOutputTokens: values['llm-max-tokens'] === undefined ? LLM_DEFAULTS.maxOutputTokens : positiveInt('llm-max-tokens', values['llm-max-tokens']),
  };
}
