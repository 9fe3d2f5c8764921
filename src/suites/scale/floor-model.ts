// The scale point's no-harness floor in the result model: undici dispatch() with an empty handler,
// same requests × concurrency and server, interleaved with the harness run by run.
import { z } from 'zod';

export const ScalePairSchema = z.object({
  /** Which ran first in this pair (pairs alternate, so drift hits both sides alike). */
  first: z.enum(['harness', 'floor']),
  harnessWallMs: z.number(),
  floorWallMs: z.number(),
});

export const ScaleFloorSchema = z.object({
  engine: z.string(),
  /** Median floor wall over the pairs. */
  wallMs: z.number(),
  pairs: z.array(ScalePairSchema).min(1),
});
export type ScaleFloor = z.infer<typeof ScaleFloorSchema>;
