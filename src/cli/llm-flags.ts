// `serve` flags of the simulated LLM API: rate limits per API key and the default model preset.
import { PRESET_NAMES } from '../server/llm/presets.ts';
import { LLM_DEFAULTS, type LlmOptions } from '../server/llm/state.ts';
import { nonNegativeInt, oneOf, positiveInt } from './flags.ts';

export const LLM_SERVE_FLAGS = {
  'llm-rpm': { type: 'string' },
  'llm-tpm': { type: 'string' },
  'llm-preset': { type: 'string' },
  'llm-max-tokens': { type: 'string' },
} as const;

export const LLM_SERVE_HELP = `
Simulated LLM API: POST /v1/chat/completions (OpenAI), POST /v1/messages (Anthropic), GET /v1/models.
  --llm-rpm N       requests per minute per API key (default: ${LLM_DEFAULTS.rpm} = unlimited); the minute follows --time-scale
  --llm-tpm N       tokens per minute per API key (default: ${LLM_DEFAULTS.tpm} = unlimited)
  --llm-preset P    latency preset for unknown model names: ${PRESET_NAMES.join(', ')} (default: ${LLM_DEFAULTS.preset})
  --llm-max-tokens N  largest max_tokens accepted (default: ${LLM_DEFAULTS.maxOutputTokens})
`;

export function parseLlmServeFlags(values: Partial<Record<keyof typeof LLM_SERVE_FLAGS, string>>): LlmOptions {
  return {
    rpm: values['llm-rpm'] === undefined ? LLM_DEFAULTS.rpm : nonNegativeInt('llm-rpm', values['llm-rpm']),
    tpm: values['llm-tpm'] === undefined ? LLM_DEFAULTS.tpm : nonNegativeInt('llm-tpm', values['llm-tpm']),
    preset: values['llm-preset'] === undefined ? LLM_DEFAULTS.preset : oneOf('llm-preset', values['llm-preset'], PRESET_NAMES),
    maxOutputTokens: values['llm-max-tokens'] === undefined ? LLM_DEFAULTS.maxOutputTokens : positiveInt('llm-max-tokens', values['llm-max-tokens']),
  };
}
