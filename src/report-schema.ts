// The published JSON Schema of the report, derived from the zod model, and report validation.
import { z } from 'zod';
import { InputError, describeZodError } from './input-error.ts';
import { ReportSchema, SCHEMA_VERSION, type Report } from './model.ts';

export function reportJsonSchemaText(): string {
  const schema = z.toJSONSchema(ReportSchema, { target: 'draft-2020-12' });
  return `${JSON.stringify({ ...schema, title: `fanout-bench report, schemaVersion ${SCHEMA_VERSION}` }, null, 2)}\n`;
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
