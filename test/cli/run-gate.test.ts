import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { main } from '../../src/cli/main.ts';
import { BASELINES_DIR, baselinePath } from '../../src/cli/run-gate.ts';
import { InputError } from '../../src/util/input-error.ts';
import { captureIO } from './capture-io.ts';

test('a baseline NAME lives in results/baselines; a .json or slashed argument is a path', () => {
  assert.equal(BASELINES_DIR, join('results', 'baselines'));
  assert.equal(baselinePath('baseline', 'ci'), join('results', 'baselines', 'ci.json'));
  assert.equal(baselinePath('baseline', 'main-2026.11'), join('results', 'baselines', 'main-2026.11.json'));
  assert.equal(baselinePath('baseline', 'other/ci.json'), 'other/ci.json');
  assert.equal(baselinePath('baseline', 'ci.json'), 'ci.json');
  assert.throws(() => baselinePath('save-baseline', 'my baseline'), (e: unknown) => e instanceof InputError && /--save-baseline: "my baseline" is not a baseline name/.test(e.message));
});

test('run --baseline and --config fail before measuring on bad input (exit 2, one line)', async () => {
  const cases: Array<[string[], RegExp]> = [
    [['run', '--baseline', 'no-such-baseline-here'], /results\/baselines\/no-such-baseline-here\.json: not found/],
    [['run', '--config', 'no-such-config.json'], /config no-such-config\.json: not found/],
  ];
  for (const [args, message] of cases) {
    const captured = captureIO();
    const started = performance.now();
    assert.equal(await main(args, captured.io), 2);
    assert.match(captured.stderr(), message);
    assert.equal(captured.stderr().trim().split('\n').length, 1);
    assert.ok(performance.now() - started < 5_000, 'nothing was measured');
  }
});

test('run --help lists the baseline and threshold flags', async () => {
  const captured = captureIO();
  assert.equal(await main(['run', '--help'], captured.io), 0);
  assert.match(captured.stdout(), /--save-baseline NAME/);
  assert.match(captured.stdout(), /--baseline NAME/);
  assert.match(captured.stdout(), /--config FILE/);
  assert.match(captured.stdout(), /10 or more/);
});

test('run --baseline that compared nothing (a renamed URL set) exits 1, unless --allow-missing', async () => {
  const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const dir = await mkdtemp(join(tmpdir(), 'fanout-gate-'));
  try {
    const urls = join(dir, 'renamed.json');
    await writeFile(urls, JSON.stringify({ name: 'renamed', urls: ['/get'] }));
    const baseline = new URL('../fixtures/compare/real.json', import.meta.url).pathname;
    const args = ['run', '--suite', 'strategies', '--urls', urls, '--strategies', 'all', '--iterations', '2', '--warmup', '0', '--quiet', '--out', dir, '--baseline', baseline];
    const refused = captureIO();
    assert.equal(await main(args, refused.io), 1);
    assert.match(refused.stderr(), /share no compared metric, so nothing was compared.*--allow-missing accepts this/);
    const allowed = captureIO();
    assert.equal(await main([...args, '--allow-missing'], allowed.io), 0);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
