import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { runCli } from './helpers.ts';

const FIXTURE = new URL('../fixtures/report-lesson-agent.json', import.meta.url).pathname;
const golden = (name: string): string => readFileSync(new URL(`../golden/${name}`, import.meta.url), 'utf8');

describe('fanout-bench report', () => {
  it('re-renders a saved report exactly as the reporters do, in the formats asked for', async () => {
    const result = await runCli(['report', FIXTURE, '--format', 'table,markdown']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, `${golden('table.txt')}\n${golden('markdown.txt')}`);
  });
});
