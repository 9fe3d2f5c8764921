// Per-server state of the simulated LLM API: resolved presets, rate limits per key, load per model.
import { ModelBatch } from './batch.ts';
import { latencyParamsSchema, PRESET_NAMES, PRESETS, type LatencyParams, type PresetName } from './presets.ts';
import { checkLlmOptions } from './check-options.ts';
import { RateLimiter } from './rate-limit.ts';

export interface LlmOptions {
  /** Requests per minute per API key; 0 (default) = unlimited. The minute follows the time scale. */
  rpm?: number;
  /** Tokens per minute per API key (prompt estimate + max_tokens reserved, settled from usage); 0 (default) = unlimited. */
  tpm?: number;
  /** Preset for model names that name none (default "chat"). */
  preset?: PresetName;
  /** Overrides of the presets' parameters. */
  presets?: Partial<Record<PresetName, Partial<LatencyParams>>>;
  /** Largest max_tokens accepted (default 8192); the default when a request sets none. */
  maxOutputTokens?: number;
  /** Monotonic clock (ms) for the rate limits; performance.now by default. */
  now?: () => number;
}

export const LLM_DEFAULTS = { rpm: 0, tpm: 0, preset: 'chat', maxOutputTokens: 8192 } as const satisfies LlmOptions;

export interface LlmState {
  defaultPreset: PresetName;
  presets: Readonly<Record<PresetName, LatencyParams>>;
  maxOutputTokens: number;
  limiter: RateLimiter;
  batches: Readonly<Record<PresetName, ModelBatch>>;
}

export function createLlmState(options: LlmOptions, timeScale: number): LlmState {
  checkLlmOptions(options);
  const rpm = options.rpm ?? LLM_DEFAULTS.rpm;
  const tpm = options.tpm ?? LLM_DEFAULTS.tpm;
  const maxOutputTokens = options.maxOutputTokens ?? LLM_DEFAULTS.maxOutputTokens;
  const presets = {} as Record<PresetName, LatencyParams>;
  const batches = {} as Record<PresetName, ModelBatch>;
  for (const name of PRESET_NAMES) {
    const parsed = latencyParamsSchema.safeParse({ ...PRESETS[name], ...options.presets?.[name] });
    if (!parsed.success) throw new RangeError(`llm.presets.${name}: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
    presets[name] = parsed.data;
    batches[name] = new ModelBatch(parsed.data.batchCapacity, parsed.data.maxQueue);
  }
  return {
    defaultPreset: options.preset ?? LLM_DEFAULTS.preset,
    presets,
    maxOutputTokens,
    limiter: new RateLimiter({ rpm, tpm, minuteMs: 60_000 * timeScale, now: options.now ?? (() => performance.now()) }),
    batches,
  };
}
