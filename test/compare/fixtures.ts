// Loads the golden report pairs in test/fixtures/compare (see make-fixtures.ts there).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SourcedReport } from '../../src/compare/compare.ts';
import { parseReport } from '../../src/model/schema.ts';

export const fixturePath = (name: string): string => fileURLToPath(new URL(`../fixtures/compare/${name}.json`, import.meta.url));

export function fixture(name: string): SourcedReport {
  const source = `${name}.json`;
  return { report: parseReport(JSON.parse(readFileSync(fixturePath(name), 'utf8')), source), source };
}
