// Named latency presets for the simulated LLM API, and which one a request's `model` selects.
import { z } from 'zod';
import type { PresetName } from './model-ids.ts';

/** Every figure is in unscaled milliseconds; the server multiplies times by its timeScale. */
export const latencyParamsSchema = z.object({
  /** Fixed part of prefill (scheduling, first forward pass). */
  ttftOverheadMs: z.number().nonnegative(),
  /** Prefill cost per prompt token. */
  prefillMsPerToken: z.number().nonnegative(),
  /** Lognormal sigma of TTFT jitter around its median. */
  ttftSigma: z.number().nonnegative().max(3),
  /** Chance that a request meets the heavy tail (a Pareto multiplier on its TTFT). */
  tailProbability: z.number().min(0).max(1),
  /** Pareto shape of that tail (smaller is heavier); the multiplier is capped at 8. */
  tailAlpha: z.number().positive(),
  /** Median inter-token latency. */
  itlMs: z.number().nonnegative(),
  /** Lognormal sigma of each inter-token gap. */
  itlSigma: z.number().nonnegative().max(3),
  /** Chance per token of a decode stall, and its length. */
  stallProbability: z.number().min(0).max(1),
  stallMs: z.number().nonnegative(),
  /** Median answer length in tokens (lognormal, sigma 0.6); max_tokens cuts it with finish_reason "length". */
  medianOutputTokens: z.number().positive(),
  /** When > 0, every answer has exactly this many tokens (capped by max_tokens): for measurements and tests. */
  fixedOutputTokens: z.number().int().nonnegative(),
  /** Requests served at once per model; more wait in a queue. */
  batchCapacity: z.number().int().positive(),
  /** Latency factor at a full batch is 1 + loadSlowdown, growing linearly from 1 request in flight. */
  loadSlowdown: z.number().nonnegative(),
  /** Requests waiting beyond this are refused as overloaded (Anthropic 529, OpenAI 503). */
  maxQueue: z.number().int().nonnegative(),
});
export type LatencyParams = z.infer<typeof latencyParamsSchema>;


// Orders of magnitude from public serving figures (llm-d-inference-sim's 7–8B reference: TTFT 60–120 ms,
// ITL 10–15 ms; hosted large chat models: TTFT a few hundred ms, 20–40 ms per token; reasoning models
// think for seconds before the first visible token).
export const PRESETS: Readonly<Record<PresetName, LatencyParams>> = {
  fast: {
    ttftOverheadMs: 80, prefillMsPerToken: 0.05, ttftSigma: 0.25, tailProbability: 0.02, tailAlpha: 1.5,
    itlMs: 8, itlSigma: 0.2, stallProbability: 0.002, stallMs: 150,
    medianOutputTokens: 120, fixedOutputTokens: 0, batchCapacity: 64, loadSlowdown: 1, maxQueue: 256,
  },
  chat: {
    ttftOverheadMs: 300, prefillMsPerToken: 0.2, ttftSigma: 0.3, tailProbability: 0.03, tailAlpha: 1.3,
    itlMs: 25, itlSigma: 0.25, stallProbability: 0.003, stallMs: 400,
    medianOutputTokens: 250, fixedOutputTokens: 0, batchCapacity: 32, loadSlowdown: 1.5, maxQueue: 128,
  },
  reasoning: {
    ttftOverheadMs: 2500, prefillMsPerToken: 0.3, ttftSigma: 0.5, tailProbability: 0.05, tailAlpha: 1.2,
    itlMs: 15, itlSigma: 0.25, stallProbability: 0.003, stallMs: 600,
    medianOutputTokens: 300, fixedOutputTokens: 0, batchCapacity: 16, loadSlowdown: 2, maxQueue: 64,
  },
};

export { isPresetName, MODEL_IDS, PRESET_NAMES, presetFor, type PresetName } from './model-ids.ts';
