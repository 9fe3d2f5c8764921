// Golden-file comparison: UPDATE_GOLDEN=1 rewrites the file instead of comparing (review the diff).
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';

export async function assertGolden(actual: string, file: URL): Promise<void> {
  if (process.env.UPDATE_GOLDEN === '1') {
    await writeFile(file, actual);
    return;
  }
  assert.equal(actual, await readFile(file, 'utf8'), `differs from ${file.pathname} (UPDATE_GOLDEN=1 to rewrite it)`);
}
