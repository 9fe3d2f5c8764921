// Regenerates schema/report.schema.json from the zod model (npm run schema); a test fails when it is stale.
import { writeFile } from 'node:fs/promises';
import { reportJsonSchemaText } from '../src/model/schema.ts';

await writeFile(new URL('../schema/report.schema.json', import.meta.url), reportJsonSchemaText());
