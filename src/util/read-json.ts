// Reads a JSON input file; a missing, unreadable or malformed file is one InputError line that
// starts with `label` (e.g. "URL file fixtures/x.json").
import { readFile } from 'node:fs/promises';
import { InputError } from './input-error.ts';

export async function readJsonFile(file: string, label: string = file): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new InputError(`${label}: ${code === 'ENOENT' ? 'not found' : `cannot be read (${code ?? 'error'})`}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InputError(`${label}: not valid JSON (${(error as Error).message.split('\n')[0]})`);
  }
}
