// The result model: one schema, from which both the TypeScript types and the published JSON Schema
// (schema/report.schema.json) are derived, so they cannot drift. The core (model/records.ts) plus one
// optional section per registered suite that has one, under the suite's name.
import { z } from 'zod';
import { suites, type SuiteRegistry } from '../suites/index.ts';
import type { AnySuite } from '../suites/suite.ts';
import { ReportCoreSchema } from './records.ts';

type WithSection<R> = { [K in keyof R as R[K] extends { section: z.ZodType } ? K : never]: R[K] extends { section: infer S extends z.ZodType } ? z.ZodOptional<S> : never };

/** The sections of the suites in `registry`, each optional (present when that suite ran). */
export function sectionShape<R extends Record<string, AnySuite>>(registry: R): WithSection<R> {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, suite] of Object.entries(registry)) if (suite.section !== null) shape[name] = (suite.section as z.ZodType).optional();
  return shape as WithSection<R>;
}

export const ReportSchema = ReportCoreSchema.extend(sectionShape<SuiteRegistry>(suites));
export type Report = z.infer<typeof ReportSchema>;
export { SCHEMA_VERSION } from './records.ts';
