// One side of one round: `fanout-bench run … --json` of one revision in its own process (and so
// with its own delay server), the report read from its stdout.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { InputError } from '../util/input-error.ts';
import type { Report } from '../model/report.ts';
import { parseReport } from '../model/schema.ts';

export interface SideProcess {
  /** The revision's checkout: its bin/fanout-bench.js runs. */
  root: string;
  /** Working directory, so relative paths in the run flags (URL sets, configs) are the revision's own. */
  cwd: string;
  args: string[];
  label: string;
  signal?: AbortSignal;
}

export function runSide(side: SideProcess): Promise<Report> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(side.root, 'bin', 'fanout-bench.js'), 'run', ...side.args, '--json'], {
      cwd: side.cwd,
      // CI: no progress line; the report arrives on stdout alone.
      env: { ...process.env, CI: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(side.signal ? { signal: side.signal } : {}),
    });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const lastLine = err.trim().split('\n').at(-1) ?? '';
      if (code === 2) return reject(new InputError(`ab: ${side.label} refused the run: ${lastLine.replace(/^fanout-bench: /, '')}`));
      const text = Buffer.concat(out).toString('utf8');
      if (text.trim() === '') return reject(new Error(`ab: ${side.label} exited ${code} without a report${lastLine ? `: ${lastLine}` : ''}`));
      try {
        resolvePromise(parseReport(JSON.parse(text) as unknown, side.label));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}
