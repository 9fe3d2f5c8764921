// Reading a report file for comparison: every failure is one line naming the file (exit 2).
import { readFile } from 'node:fs/promises';
import type { SourcedReport } from '../compare/compare.ts';
import { InputError } from '../input-error.ts';
import { parseReport } from '../report-schema.ts';

export async function readReportFile(file: string): Promise<SourcedReport> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new InputError(`${file}: ${code === 'ENOENT' ? 'not found' : `cannot be read (${code ?? 'error'})`}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${file}: not valid JSON (${(error as Error).message.split('\n')[0]})`);
  }
  return { report: parseReport(json, file), source: file };
}
