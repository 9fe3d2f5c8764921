// The only place reports touch the disk: written to a temp file and renamed, never truncated.
import { rename, writeFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ensureDir } from './output-dir.ts';

export async function writeFileAtomic(path: string, text: string): Promise<void> {
  await ensureDir(dirname(path));
  const temp = join(dirname(path), `.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2)}.tmp`);
  try {
    await writeFile(temp, text, 'utf8');
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** `2026-11-26T16:44:53.123Z` → `2026-11-26T16-44-53-123Z`: sortable and safe on every filesystem. */
export const reportFileName = (startedAt: string): string => `${startedAt.replace(/[:.]/g, '-')}.json`;
