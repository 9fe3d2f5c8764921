// A CommandIO whose streams collect text, so CLI tests can read what a command printed.
import type { CommandIO } from '../../src/cli/io.ts';

export interface CapturedIO {
  io: CommandIO;
  stdout(): string;
  stderr(): string;
}

export function captureIO(): CapturedIO {
  const out: string[] = [];
  const err: string[] = [];
  const stream = (into: string[]): NodeJS.WriteStream =>
    ({ isTTY: false, columns: 120, write: (chunk: string | Uint8Array) => into.push(String(chunk)) > 0 }) as unknown as NodeJS.WriteStream;
  return {
    io: { stdout: stream(out), stderr: stream(err), signal: new AbortController().signal },
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}
