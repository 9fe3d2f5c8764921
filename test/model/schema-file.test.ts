import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { reportJsonSchemaText } from '../../src/model/schema.ts';

test('schema/report.schema.json is generated from the model (npm run schema)', async () => {
  const onDisk = await readFile(new URL('../../schema/report.schema.json', import.meta.url), 'utf8');
  assert.equal(onDisk, reportJsonSchemaText());
});
