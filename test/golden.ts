// Golden-file assertions: UPDATE_GOLDEN=1 rewrites the file instead of comparing (review the diff).
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';

/** Compares with the file at `file`. */
export function assertGoldenAt(actual: string, file: URL): void {
  if (process.env.UPDATE_GOLDEN) {
    writeFileSync(file, actual);
    return;
  }
  assert.equal(actual, readFileSync(file, 'utf8'), `differs from ${file.pathname} (UPDATE_GOLDEN=1 to rewrite it)`);
}

/** Compares with test/golden/<name>. */
export function assertGolden(name: string, actual: string): void {
  assertGoldenAt(actual, new URL(`./golden/${name}`, import.meta.url));
}

export function readFixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as T;
}
