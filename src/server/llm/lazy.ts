// The simulated LLM API loads on its first request: its request schemas and presets pull in zod, which
// would otherwise add ~100 ms to every delay server's start, worker threads included. The options are
// checked at start (cheap), the presets on first use.
import type { LlmOptions, LlmState } from './state.ts';

export type LlmStateSource = () => Promise<LlmState>;

export function lazyLlmState(options: LlmOptions, timeScale: number): LlmStateSource {
  for (const [name, value] of [['llm.rpm', options.rpm], ['llm.tpm', options.tpm], ['llm.maxOutputTokens', options.maxOutputTokens]] as const) {
    if (value !== undefined && (!Number.isInteger(value) || value < (name === 'llm.maxOutputTokens' ? 1 : 0))) {
      throw new RangeError(`${name} must be a ${name === 'llm.maxOutputTokens' ? 'positive' : 'non-negative'} integer, got ${value}`);
    }
  }
  let state: Promise<LlmState> | undefined;
  return () => (state ??= import('./state.ts').then(({ createLlmState }) => createLlmState(options, timeScale)));
}
