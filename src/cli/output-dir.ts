// Where reports go is checked before anything is measured: the folder is created one level at a time
// (node 20's recursive mkdir can loop forever on paths such as /proc/x) and a probe file is written and
// removed, so a bad --out costs one line and exit 2, not a whole run's results.
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { InputError } from '../util/input-error.ts';

const code = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? String(error);

/** Creates `dir` and its missing parents, each with a plain (non-recursive) mkdir. */
export async function ensureDir(dir: string): Promise<void> {
  const missing: string[] = [];
  let current = resolve(dir);
  // Bounded by the path's depth: each step goes one level up until something exists.
  for (;;) {
    try {
      const info = await stat(current);
      if (!info.isDirectory()) throw Object.assign(new Error(`${current} is not a directory`), { code: 'ENOTDIR' });
      break;
    } catch (error) {
      if (code(error) !== 'ENOENT') throw error;
      const parent = dirname(current);
      if (parent === current) break;
      missing.unshift(current);
      current = parent;
    }
  }
  for (const path of missing) {
    try {
      await mkdir(path);
    } catch (error) {
      if (code(error) !== 'EEXIST') throw error;
    }
  }
}

/** Throws an InputError naming `flag` unless files can be created and written in `dir`. */
export async function assertOutputWritable(dir: string, flag = 'out'): Promise<void> {
  const probe = resolve(dir, `.fanout-bench-probe-${process.pid}`);
  try {
    await ensureDir(dir);
    await writeFile(probe, '');
    await rm(probe, { force: true });
  } catch (error) {
    throw new InputError(`--${flag}: cannot write reports to "${dir}" (${code(error)})`);
  }
}
