// The base revision on disk: a detached git worktree, installed with `npm ci`. With --base-dir the
// worktree is kept and its install reused while package-lock.json is unchanged.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { InputError } from '../util/input-error.ts';

const run = promisify(execFile);
/** Marks the lock file an install was made from, so a reused --base-dir skips `npm ci`. */
const INSTALL_STAMP = '.fanout-bench-ab-install';

async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd, maxBuffer: 16 * 1024 * 1024 });
  return stdout.trim();
}

/** The commit REF names in the repository at `root`; InputError when it names none. */
export async function resolveCommit(root: string, ref: string): Promise<string> {
  try {
    return await git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    throw new InputError(`--base: "${ref}" is not a commit of the repository at ${root} (fetch it first, e.g. actions/checkout with fetch-depth: 0)`);
  }
}

export async function headState(root: string): Promise<{ commit: string; dirty: boolean }> {
  const [commit, status] = await Promise.all([git(root, ['rev-parse', 'HEAD']), git(root, ['status', '--porcelain', '--untracked-files=no'])]);
  return { commit, dirty: status !== '' };
}

export interface BaseCheckout {
  dir: string;
  /** True when `npm ci` ran (false: an install for the same lock file was reused). */
  installed: boolean;
  /** Removes a temporary worktree; a --base-dir one is kept. */
  dispose(): Promise<void>;
}

export async function checkoutBase(root: string, commit: string, baseDir: string | null, log: (line: string) => void): Promise<BaseCheckout> {
  const dir = baseDir === null ? join(await mkdtemp(join(tmpdir(), 'fanout-ab-')), 'base') : resolve(baseDir);
  if (baseDir !== null && existsSync(join(dir, '.git'))) {
    log(`ab: reusing the base worktree ${dir}`);
    await git(dir, ['checkout', '--quiet', '--detach', commit]);
  } else {
    log(`ab: checking ${commit.slice(0, 12)} out into ${dir}`);
    await git(root, ['worktree', 'add', '--quiet', '--detach', dir, commit]);
  }
  const lockHash = createHash('sha256').update(await readFile(join(dir, 'package-lock.json'))).digest('hex');
  const stamp = join(dir, 'node_modules', INSTALL_STAMP);
  const reuse = existsSync(stamp) && (await readFile(stamp, 'utf8')).trim() === lockHash;
  if (!reuse) {
    log('ab: npm ci in the base worktree');
    await run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, maxBuffer: 64 * 1024 * 1024 });
    await mkdir(join(dir, 'node_modules'), { recursive: true });
    await writeFile(stamp, `${lockHash}\n`);
  } else log('ab: the base install matches its package-lock.json; npm ci skipped');
  return {
    dir,
    installed: !reuse,
    dispose: async () => {
      if (baseDir !== null) return;
      await git(root, ['worktree', 'remove', '--force', dir]).catch(() => undefined);
      await rm(join(dir, '..'), { recursive: true, force: true });
    },
  };
}
