// node:util parseArgs with its errors turned into one-line InputErrors.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError } from '../input-error.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseFlags<O extends Options>(command: string, args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('. ')[0] ?? error.message) : String(error);
    throw new InputError(`${command}: ${message.replace(/\.$/, '')} (see fanout-bench ${command} --help)`);
  }
}
