// Reading a report file for comparison: every failure is one line naming the file (exit 2).
import type { SourcedReport } from '../compare/compare.ts';
import { readJsonFile } from '../util/read-json.ts';
import { parseReport } from '../model/schema.ts';

export async function readReportFile(file: string): Promise<SourcedReport> {
  return { report: parseReport(await readJsonFile(file), file), source: file };
}
