// "The generator is the bottleneck" in the result model: when the side that sends the load is
// saturated, a figure measures the harness, not the code under test; tables say so beside it.
import { z } from 'zod';

export const GeneratorBoundFields = {
  /** True when the load generator (our client side) was the bottleneck of this measurement (absent in older reports). */
  generatorBound: z.boolean().optional(),
  /** Why it counts as generator-bound (which reading crossed which limit); null when it does not. */
  generatorBoundReason: z.string().nullable().optional(),
};
