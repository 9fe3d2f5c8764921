import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { main } from '../../src/cli/main.ts';
import { fixturePath } from '../compare/fixtures.ts';
import { captureIO } from './capture-io.ts';

let dir = '';
const savedSummary = process.env.GITHUB_STEP_SUMMARY;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fanout-compare-'));
  delete process.env.GITHUB_STEP_SUMMARY;
});
after(async () => {
  if (savedSummary === undefined) delete process.env.GITHUB_STEP_SUMMARY;
  else process.env.GITHUB_STEP_SUMMARY = savedSummary;
  await rm(dir, { recursive: true, force: true });
});

async function compare(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const captured = captureIO();
  const code = await main(['compare', ...args], captured.io);
  return { code, stdout: captured.stdout(), stderr: captured.stderr() };
}

const oneLine = (text: string): boolean => text.trim() !== '' && !text.trim().includes('\n');

test('identical reports exit 0; a 10% slowdown exits 1 unless --fail-on never', async () => {
  const same = await compare(fixturePath('real'), fixturePath('real'));
  assert.equal(same.code, 0);
  assert.match(same.stdout, /0 regressed, 0 improved, 3 unchanged/);
  const slower = await compare(fixturePath('noisy-base'), fixturePath('noisy-slower-10pct'));
  assert.equal(slower.code, 1);
  assert.match(slower.stdout, /REGRESSED/);
  assert.equal((await compare(fixturePath('noisy-base'), fixturePath('noisy-slower-10pct'), '--fail-on', 'never')).code, 0);
  assert.equal((await compare(fixturePath('noisy-base'), fixturePath('noisy-slower-10pct'), '--threshold', '15')).code, 0, 'a 15% noise band hides a 10% change');
});

test('--format json prints only the comparison JSON; --metric selects', async () => {
  const { code, stdout } = await compare(fixturePath('noisy-base'), fixturePath('noisy-slower-10pct'), '--format', 'json', '--metric', '**/pool/**');
  assert.equal(code, 1);
  const parsed = JSON.parse(stdout) as { metrics: Array<{ id: string; verdict: string }> };
  assert.deepEqual(parsed.metrics.map((m) => [m.id, m.verdict]), [['strategies/lesson/pool/k=2/undici/wallMs', 'regressed']]);
});

test('mismatched environment: a prominent warning, exit 0; --strict refuses with exit 2 and one line', async () => {
  const loose = await compare(fixturePath('real'), fixturePath('other-machine'));
  assert.equal(loose.code, 0);
  assert.ok(loose.stdout.startsWith('WARNING: the reports were not measured alike'));
  const json = await compare(fixturePath('real'), fixturePath('other-machine'), '--format', 'json');
  assert.match(json.stderr, /WARNING: the reports were not measured alike \(node major, CPU model, CPU cores\)/);
  const strict = await compare(fixturePath('real'), fixturePath('other-machine'), '--strict');
  assert.equal(strict.code, 2);
  assert.equal(strict.stdout, '');
  assert.ok(oneLine(strict.stderr), strict.stderr);
  assert.match(strict.stderr, /--strict: .*real\.json and .*other-machine\.json were not measured alike \(node major: 20 ≠ 22/);
});

test('missing metrics are listed; fatal (exit 1) only with --strict', async () => {
  const loose = await compare(fixturePath('real'), fixturePath('without-pool'));
  assert.equal(loose.code, 0);
  assert.match(loose.stdout, /missing in current: strategies\/lesson\/pool\/k=2\/undici\/wallMs/);
  // The URL sets match but the strategy lists differ, so --strict refuses before counting missing metrics.
  assert.equal((await compare(fixturePath('real'), fixturePath('without-pool'), '--strict')).code, 2);
});

test('bad input exits 2 with one line naming the file', async () => {
  const cases: Array<[string[], RegExp]> = [
    [[fixturePath('real'), fixturePath('malformed')], /malformed\.json: not valid JSON/],
    [[fixturePath('real'), fixturePath('wrong-schema')], /wrong-schema\.json: not a fanout-bench report/],
    [[fixturePath('real'), join(dir, 'absent.json')], /absent\.json: not found/],
    [[fixturePath('real')], /expected two report files/],
    [[fixturePath('real'), fixturePath('real'), '--threshold', 'five'], /--threshold: expected a percentage/],
    [[fixturePath('real'), fixturePath('real'), '--alpha', '1.5'], /--alpha: expected a number between 0 and 1/],
    [[fixturePath('real'), fixturePath('real'), '--format', 'xml'], /--format: expected one of table, markdown, json, bmf, html, github-action-benchmark/],
    [[fixturePath('real'), fixturePath('real'), '--fail-on', 'always'], /--fail-on: expected one of regressed, any-change, never/],
  ];
  for (const [args, message] of cases) {
    const { code, stdout, stderr } = await compare(...args);
    assert.equal(code, 2, args.join(' '));
    assert.equal(stdout, '');
    assert.ok(oneLine(stderr), stderr);
    assert.match(stderr, message);
  }
});

test('--config thresholds: a failure exits 99 and is listed; a bad config exits 2 naming file and field', async () => {
  const config = join(dir, 'fanout-bench.config.json');
  await writeFile(config, JSON.stringify({ thresholds: { 'strategies/lesson/all/**': ['p50 < 200'], 'strategies/lesson/pool/**': ['p50 < 10'] } }));
  const failed = await compare(fixturePath('real'), fixturePath('real'), '--config', config);
  assert.equal(failed.code, 99);
  assert.match(failed.stdout, /THRESHOLDS: 1 of 2 failed/);
  assert.match(failed.stdout, /FAIL {2}strategies\/lesson\/pool\/k=2\/undici\/wallMs: p50 < 10 \(actual [\d.]+ ms\)/);
  // A threshold failure outranks a regression: k6's 99.
  assert.equal((await compare(fixturePath('noisy-base'), fixturePath('noisy-slower-10pct'), '--config', config)).code, 99);
  await writeFile(config, JSON.stringify({ thresholds: { 'strategies/**': ['p50 < 200'] } }));
  assert.equal((await compare(fixturePath('real'), fixturePath('real'), '--config', config)).code, 0);
  await writeFile(config, JSON.stringify({ thresholds: { 'strategies/**': ['p50 ≤ 200'] } }));
  const bad = await compare(fixturePath('real'), fixturePath('real'), '--config', config);
  assert.equal(bad.code, 2);
  assert.ok(oneLine(bad.stderr));
  assert.match(bad.stderr, /fanout-bench\.config\.json: thresholds\["strategies\/\*\*"\]\[0\]: "p50 ≤ 200" is not "<stat> <op> <number>"/);
});

test('GITHUB_STEP_SUMMARY receives the markdown summary, appended', async () => {
  const summary = join(dir, 'step-summary.md');
  await writeFile(summary, 'earlier step\n');
  process.env.GITHUB_STEP_SUMMARY = summary;
  try {
    assert.equal((await compare(fixturePath('noisy-base'), fixturePath('noisy-slower-10pct'), '--format', 'json')).code, 1);
  } finally {
    delete process.env.GITHUB_STEP_SUMMARY;
  }
  const text = await readFile(summary, 'utf8');
  assert.ok(text.startsWith('earlier step\n### fanout-bench compare\n'));
  assert.match(text, /❌ \*\*3 regressed\*\*/);
});

test('--format github-action-benchmark writes the two files under --out; bmf prints Bencher JSON', async () => {
  const out = join(dir, 'gab');
  const { code, stdout, stderr } = await compare(fixturePath('real'), fixturePath('real'), '--format', 'github-action-benchmark', '--out', out);
  assert.equal(code, 0);
  assert.match(stdout, /3 unchanged/);
  assert.match(stderr, /wrote .*customSmallerIsBetter\.json\nwrote .*customBiggerIsBetter\.json/);
  const smaller = JSON.parse(await readFile(join(out, 'customSmallerIsBetter.json'), 'utf8')) as Array<{ name: string; unit: string }>;
  assert.equal(smaller.length, 3);
  assert.equal(smaller[0]?.unit, 'ms');
  assert.deepEqual(JSON.parse(await readFile(join(out, 'customBiggerIsBetter.json'), 'utf8')), []);
  const bmf = await compare(fixturePath('real'), fixturePath('real'), '--format', 'bmf');
  assert.ok(Object.keys(JSON.parse(bmf.stdout) as object).every((id) => id.startsWith('strategies/')));
});

test('compare --help and help compare describe the flags and exit codes', async () => {
  const { code, stdout } = await compare('--help');
  assert.equal(code, 0);
  assert.match(stdout, /--iterations 10 or more/);
  assert.match(stdout, /99 a threshold failed/);
  const captured = captureIO();
  await main(['help', 'compare'], captured.io);
  assert.equal(captured.stdout(), stdout);
});
