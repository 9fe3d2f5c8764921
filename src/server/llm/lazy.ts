// The simulated LLM API loads on its first request: its request schemas and presets pull in zod, which
// would otherwise add ~100 ms to every delay server's start, worker threads included. The options are
// checked at start (cheap), the presets on first use.
import { checkLlmOptions } from './check-options.ts';
import type { LlmOptions, LlmState } from './state.ts';

export type LlmStateSource = () => Promise<LlmState>;

export function lazyLlmState(options: LlmOptions, timeScale: number): LlmStateSource {
  checkLlmOptions(options);
  let state: Promise<LlmState> | undefined;
  return () => (state ??= import('./state.ts').then(({ createLlmState }) => createLlmState(options, timeScale)));
}
