// node:util parseArgs with its errors turned into one-line InputErrors.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError } from '../util/input-error.ts';

type Options = NonNullable<ParseArgsConfig['options']>;
type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>>;

export function parseFlags<O extends Options>(command: string, args: string[], options: O): Parsed<O> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    // node's messages can run to several sentences and lines: keep the first, so the error stays one line.
    const message = error instanceof Error ? (error.message.split(/\.\s/)[0] ?? error.message) : String(error);
    const flag = /'(--[\w-]+)' argument is ambiguous/.exec(message)?.[1];
    const hint = flag ? `write ${flag}=VALUE for a value starting with "-"` : `see fanout-bench ${command} --help`;
    throw new InputError(`${command}: ${message.replace(/\.$/, '')} (${hint})`);
  }
}
