// node:util parseArgs with its errors turned into one-line InputErrors.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError } from '../input-error.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseFlags<O extends Options>(command: string, args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    // parseArgs explains at length over several lines; its first sentence says what is wrong.
    const text = error instanceof Error ? error.message : String(error);
    const message = text.split('\n')[0]?.split('. ')[0] ?? text;
    throw new InputError(`${command}: ${message.replace(/\.$/, '')} (see fanout-bench ${command} --help)`);
  }
}
