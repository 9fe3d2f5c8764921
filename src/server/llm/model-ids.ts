// Model names the simulated API knows: the presets and the provider names that select them. No zod here,
// so the route table can list models without loading the request schemas.
export const PRESET_NAMES = ['fast', 'chat', 'reasoning'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/** Provider model names that select a preset; any other name gets the server's default preset. */
const ALIASES: Readonly<Record<string, PresetName>> = {
  'gpt-4o-mini': 'fast', 'gpt-4.1-mini': 'fast', 'gpt-4.1-nano': 'fast', 'claude-3-5-haiku-latest': 'fast', 'claude-haiku-4-5': 'fast',
  'gpt-4o': 'chat', 'gpt-4.1': 'chat', 'claude-sonnet-4-5': 'chat', 'claude-opus-4-1': 'chat',
  o1: 'reasoning', o3: 'reasoning', 'o3-mini': 'reasoning', 'o4-mini': 'reasoning',
};

export function isPresetName(name: string): name is PresetName {
  return (PRESET_NAMES as readonly string[]).includes(name);
}

export function presetFor(model: string, fallback: PresetName): PresetName {
  if (isPresetName(model)) return model;
  return ALIASES[model] ?? fallback;
}

/** The model ids GET /v1/models lists: the presets and their aliases. */
export const MODEL_IDS: readonly string[] = [...PRESET_NAMES, ...Object.keys(ALIASES)];
