// A price table for LLM tokens: per model, US dollars per million input (prompt) and output tokens.
// Users give it (a bench file's `prices`, a URL-set file's, `run --prices FILE`); none is built in.
import { z } from 'zod';

export const ModelPriceSchema = z.strictObject({
  /** USD per million input (prompt) tokens. */
  inputPerMTok: z.number().nonnegative(),
  /** USD per million output (completion) tokens. */
  outputPerMTok: z.number().nonnegative(),
});
export type ModelPrice = z.infer<typeof ModelPriceSchema>;

/** Model name, as the API answers with it, → its price. */
export const PriceTableSchema = z.record(z.string().min(1), ModelPriceSchema);
export type PriceTable = z.infer<typeof PriceTableSchema>;

/** What a row's streamed answers cost at the given prices, over its measured runs. */
export const LlmCostSchema = z.object({
  /** USD over all measured runs: priced answers' output tokens, and their input tokens where reported. */
  totalUsd: z.number().nonnegative(),
  /** Median over measured runs of each run's USD. */
  perRunUsd: z.number().nonnegative(),
  /** USD of the wasted answers (cancelled, cut or errored, leaked) within totalUsd. */
  wastedUsd: z.number().nonnegative(),
  /** Models that answered without a price in the table: their answers are not in the USD figures. */
  unpricedModels: z.array(z.string()),
  /** Streamed answers left out of the USD figures: their model has no price, or the stream named none. */
  unpricedRequests: z.int().nonnegative(),
  /** Priced answers whose prompt tokens were not reported (OpenAI without include_usage, a cut stream):
   *  their input is not in the USD figures, which are then a lower bound. */
  inputUnknownRequests: z.int().nonnegative(),
  /** The table entries applied (by the name they were found under). */
  prices: PriceTableSchema,
});
export type LlmCost = z.infer<typeof LlmCostSchema>;
