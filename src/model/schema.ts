// The published JSON Schema of the report, derived from the zod model, and report validation.
import { z } from 'zod';
import { InputError, describeZodError } from '../util/input-error.ts';
import { ReportSchema, SCHEMA_VERSION, type Report } from './report.ts';

/** The JSON Schema of reports; `schema` defaults to the registered suites' (tests pass another registry's). */
export function reportJsonSchemaText(schema: z.ZodType = ReportSchema): string {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12' });
  return `${JSON.stringify({ ...json, title: `fanout-bench report, schemaVersion ${SCHEMA_VERSION}` }, null, 2)}\n`;
}

/** Parses a report read from `source` (a file name, for messages); bad input is an InputError. */
export function parseReport(json: unknown, source: string): Report {
  const version = (json as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (version !== undefined && version !== SCHEMA_VERSION) {
    throw new InputError(`${source}: report schemaVersion ${String(version)} is not supported (expected ${SCHEMA_VERSION})`);
  }
  const parsed = ReportSchema.safeParse(json);
  if (!parsed.success) throw new InputError(`${source}: not a fanout-bench report (${describeZodError(parsed.error)})`);
  return parsed.data;
}
