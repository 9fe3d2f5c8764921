// `run --llm-*`: the same checks as serve's, applied to the run's own delay server (kept in the report's
// config); bad values or a --target beside them are one line and exit 2.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { main } from '../../src/cli/main.ts';
import { parseRunFlags, runHelp } from '../../src/cli/run-command.ts';
import type { Report } from '../../src/model/report.ts';
import { FIXTURES_DIR } from '../../src/run/defaults.ts';
import { reporters } from '../../src/report/index.ts';
import { captureIO } from './capture-io.ts';

let dir = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fanout-bench-llm-run-'));
});
after(async () => rm(dir, { recursive: true, force: true }));

const LLM_CHAT = join(FIXTURES_DIR, 'llm-chat.json');

test('run --llm-rpm/--llm-tpm/--llm-preset/--llm-max-tokens become the run server\'s llm options; none given, none set', async () => {
  const parsed = await parseRunFlags(['--suite', 'strategies', '--out', dir, '--llm-rpm', '60', '--llm-tpm', '30000', '--llm-preset', 'fast', '--llm-max-tokens', '512']);
  assert.ok(parsed !== 'help');
  assert.deepEqual(parsed.llm, { rpm: 60, tpm: 30000, preset: 'fast', maxOutputTokens: 512 });
  const plain = await parseRunFlags(['--suite', 'strategies', '--out', dir]);
  assert.ok(plain !== 'help');
  assert.equal(plain.llm, undefined);
  assert.match(runHelp(), /--llm-rpm N .*the minute follows --time-scale/);
  assert.match(runHelp(), /a bench file's own server keeps its server\.llm,\s+and they do not apply to a --target/);
});

const bad: [string[], RegExp][] = [
  [['--llm-rpm', 'many'], /^fanout-bench: --llm-rpm: expected a whole number ≥ 0, got "many"$/],
  [['--llm-tpm', '1.5'], /^fanout-bench: --llm-tpm: expected a whole number ≥ 0, got "1.5"$/],
  [['--llm-preset', 'huge'], /^fanout-bench: --llm-preset: expected one of fast, chat, reasoning, got "huge"$/],
  [['--llm-max-tokens', '0'], /^fanout-bench: --llm-max-tokens: expected a positive integer, got "0"$/],
  [['--llm-rpm', '10', '--target', 'http://127.0.0.1:9'], /^fanout-bench: --llm-rpm: sets the run's own delay server's LLM API, which --target replaces/],
];
for (const [args, message] of bad) {
  test(`run ${args.join(' ')}: one line, exit 2`, async () => {
    const io = captureIO();
    assert.equal(await main(['run', '--suite', 'strategies', '--out', join(dir, 'bad'), ...args], io.io), 2);
    assert.match(io.stderr().trim(), message);
    assert.equal(io.stderr().trim().split('\n').length, 1, io.stderr());
  });
}

async function runLlmChat(extra: string[]): Promise<Report> {
  const out = join(dir, extra.join('_').replace(/[^\w]+/g, '-'));
  const io = captureIO();
  const args = ['run', '--suite', 'strategies', '--urls', LLM_CHAT, '--strategies', 'sequential', '--iterations', '1', '--warmup', '1', '--time-scale', '0.05', '--out', out, '--quiet', ...extra];
  const code = await main(args, io.io);
  assert.equal(code, 0, io.stderr());
  return JSON.parse(await readFile(join(out, 'latest.json'), 'utf8')) as Report;
}

test('the flags reach the run\'s own server: a tight --llm-rpm draws 429s, a small --llm-max-tokens refuses the requests', async () => {
  const limited = await runLlmChat(['--llm-rpm', '2']);
  assert.deepEqual(limited.config.llm, { rpm: 2, tpm: 0, preset: 'chat', maxOutputTokens: 8192 });
  const [row] = limited.strategies;
  // Ten calls on one key against two a minute (a minute of 3 s at time scale 0.05): eight 429s unless the
  // row took seconds, and never fewer than five unless it took 4.5 s.
  assert.ok((row?.llm?.rateLimited ?? 0) >= 5, `429s: ${row?.llm?.rateLimited}`);
  assert.equal(row?.requests.ok, 10 - (row?.llm?.rateLimited ?? 0));
  assert.match(reporters.table.render(limited), /the run's server: LLM settings \{"rpm":2,"tpm":0,"preset":"chat","maxOutputTokens":8192\} \(--llm-\*\)\./);

  // The set asks for max_tokens 60: above the server's largest, every call is a 400 in OpenAI's or Anthropic's shape.
  const refused = await runLlmChat(['--llm-max-tokens', '30']);
  assert.deepEqual(refused.strategies[0]?.timeline.map((r) => r.status), Array(10).fill(400));

  const unlimited = await runLlmChat([]);
  assert.equal(unlimited.config.llm, undefined);
  assert.equal(unlimited.strategies[0]?.requests.ok, 10);
});
