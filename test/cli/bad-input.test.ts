// Bad input: one line naming what is wrong, exit 2, no stack trace.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'fanout-bad-'));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const cases: [string, string[], RegExp][] = [
  ['unknown flag', ['run', '--bogus'], /Unknown option '--bogus'/],
  ['unknown command', ['frobnicate'], /unknown command "frobnicate"/],
  ['non-numeric iterations', ['run', '--iterations', 'abc'], /--iterations: expected a positive integer, got "abc"/],
  ['zero iterations', ['run', '--iterations', '0'], /--iterations: expected a positive integer/],
  ['negative warm-up', ['run', '--warmup', '-1'], /--warmup/],
  ['bad time scale', ['run', '--time-scale', '0'], /--time-scale: expected a positive number, got "0"/],
  ['unknown strategy', ['run', '--strategies', 'all,turbo'], /--strategies: expected one of .*got "turbo"/],
  ['unknown client', ['run', '--client', 'curl'], /--client: expected one of undici, fetch, node-http, got "curl"/],
  ['bad concurrency', ['run', '--concurrency', '2,x'], /--concurrency: expected a positive integer, got "x"/],
  ['missing URL file', ['run', '--urls', join(dir, 'missing.json')], /URL file .*missing\.json: not found/],
  ['URL file not JSON', ['run', '--urls', file('text.json', 'not json')], /URL file .*text\.json: not valid JSON/],
  ['URL file of the wrong shape', ['run', '--urls', file('shape.json', '{"links": []}')], /URL file .*shape\.json: .*expected an array of URLs or \{"urls": \[...\]\}/],
  ['URL that is neither a path nor http(s)', ['run', '--urls', file('ftp.json', '["ftp://x/y"]')], /URL file .*ftp\.json: .*must be a path starting with "\/" or an http\(s\) URL/],
  ['empty URL list', ['run', '--urls', file('empty.json', '{"urls": []}')], /URL file .*empty\.json: urls/],
  ['serve on a public address without --expose', ['serve', '--host', '0.0.0.0'], /--host: 0\.0\.0\.0 is not a loopback address; add --expose/],
  ['report without a file', ['report'], /report: expected a report file/],
  ['report of a missing file', ['report', join(dir, 'nope.json')], /nope\.json: not found/],
  ['report of a file that is not a report', ['report', file('other.json', '{"a": 1}')], /other\.json: not a fanout-bench report/],
  ['report in an unknown format', ['report', file('r.json', '{}'), '--format', 'pdf'], /--format: expected one of/],
  ['serve with a bad port', ['serve', '--port', '70000'], /--port: expected 0–65535/],
];

describe('bad input exits 2 with one line', () => {
  for (const [what, args, message] of cases) {
    it(what, async () => {
      const result = await runCli(args);
      assert.equal(result.code, 2, result.stderr);
      assert.equal(result.stdout, '');
      const lines = result.stderr.trimEnd().split('\n');
      assert.equal(lines.length, 1, `expected one line, got:\n${result.stderr}`);
      assert.match(lines[0] ?? '', /^fanout-bench: /);
      assert.match(lines[0] ?? '', message);
      assert.doesNotMatch(result.stderr, /\n\s+at /);
    });
  }

  it('--help prints usage and exits 0', async () => {
    const result = await runCli(['run', '--help']);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /Usage: fanout-bench run/);
    assert.match(result.stdout, /--time-scale F/);
  });
});
