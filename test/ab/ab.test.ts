import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { splitAbArgs, splitWords } from '../../src/ab/args.ts';
import { collectAb, type RoundReport } from '../../src/ab/collect.ts';
import { checkoutBase, resolveCommit } from '../../src/ab/git.ts';
import { abOrder } from '../../src/ab/order.ts';
import { abText } from '../../src/ab/reporter.ts';
import { InputError } from '../../src/util/input-error.ts';
import { fixture } from '../compare/fixtures.ts';

test('ab flags are taken out; everything else goes to run unchanged', () => {
  const split = splitAbArgs(['--base', 'origin/main', '--suite', 'strategies', '--metric', 'a/**', '--rounds=3', '--iterations', '2', '--metric', 'b/**', '--skip-unmatched', 'bench.json']);
  assert.deepEqual(split.run, ['--suite', 'strategies', '--iterations', '2', 'bench.json']);
  assert.deepEqual(split.ab, { base: ['origin/main'], metric: ['a/**', 'b/**'], rounds: ['3'], 'skip-unmatched': ['true'] });
  assert.deepEqual(splitWords(' --time-scale  0.022 '), ['--time-scale', '0.022']);
  assert.throws(() => splitAbArgs(['--base']), /--base needs a value/);
  assert.throws(() => splitAbArgs(['--skip-unmatched=yes']), /takes no value/);
  assert.throws(() => splitAbArgs(['--json']), (error: unknown) => error instanceof InputError && /--json is not passed to run/.test(error.message));
});

test('the order is base, head, head, base, …', () => {
  assert.deepEqual(
    abOrder(3).map((r) => `${r.revision}${r.round}`),
    ['base1', 'head1', 'head2', 'base2', 'base3', 'head3'],
  );
});

const meta = { base: { ref: 'main', commit: 'a'.repeat(40) }, head: { commit: 'b'.repeat(40), dirty: false }, rounds: 2, runArgs: ['--iterations', '10'], headArgs: [] };

function rounds(base: string, head: string): RoundReport[] {
  return abOrder(2).map((step) => ({ ...step, report: fixture(step.revision === 'base' ? base : head).report }));
}

test('samples are tagged by revision and round, concatenated per side, and compared', () => {
  const result = collectAb(rounds('noisy-base', 'noisy-slower-10pct'), meta, { skipUnmatched: false });
  const id = 'strategies/lesson/pool/k=2/undici/wallMs';
  const base = fixture('noisy-base').report.strategies.find((row) => row.name === 'pool')!.wallMs.samples;
  const tagged = result.samples.filter((s) => s.metricId === id && s.revision === 'base');
  assert.deepEqual(tagged.map((s) => s.round), [...base.map(() => 1), ...base.map(() => 2)]);
  assert.deepEqual(tagged.map((s) => s.value), [...base, ...base]);
  assert.equal(result.comparison.counts.regressed, 3);
  assert.deepEqual(result.order.map((r) => r.revision), ['base', 'head', 'head', 'base']);
  const text = abText(result);
  assert.match(text, /order B H H B/);
  assert.match(text, /REGRESSED/);
  const same = collectAb(rounds('real', 'real'), meta, { skipUnmatched: false });
  assert.equal(same.comparison.counts.unchanged, 3);
});

test('a row on one side only is refused (exit 2) unless --skip-unmatched', () => {
  assert.throws(
    () => collectAb(rounds('real', 'without-pool'), meta, { skipUnmatched: false }),
    (error: unknown) => error instanceof InputError && /ab: strategies\/lesson\/pool\/k=2\/undici\/wallMs exists on the base side only; --skip-unmatched/.test(error.message),
  );
  const skipped = collectAb(rounds('real', 'without-pool'), meta, { skipUnmatched: true });
  assert.deepEqual(skipped.unmatched, { baseOnly: ['strategies/lesson/pool/k=2/undici/wallMs'], headOnly: [] });
  assert.equal(skipped.comparison.metrics.length, 2);
  assert.ok(!skipped.samples.some((s) => s.metricId.includes('/pool/')));
});

test('the base worktree: checked out at the commit, installed once, reused with --base-dir, removed otherwise', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'fanout-ab-git-'));
  const repo = join(dir, 'repo');
  const sh = (args: string[], cwd = repo): string => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
  try {
    execFileSync('git', ['init', '--quiet', repo]);
    await writeFile(join(repo, 'package.json'), JSON.stringify({ name: 'ab-fixture', version: '1.0.0', private: true }));
    await writeFile(join(repo, 'package-lock.json'), JSON.stringify({ name: 'ab-fixture', version: '1.0.0', lockfileVersion: 3, requires: true, packages: { '': { name: 'ab-fixture', version: '1.0.0' } } }));
    sh(['add', '.']);
    sh(['-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '--quiet', '-m', 'base']);
    const commit = await resolveCommit(repo, 'HEAD');
    assert.match(commit, /^[0-9a-f]{40}$/);
    await assert.rejects(resolveCommit(repo, 'no-such-ref'), /--base: "no-such-ref" is not a commit/);
    const lines: string[] = [];
    const kept = join(dir, 'kept');
    const first = await checkoutBase(repo, commit, kept, (line) => lines.push(line));
    assert.equal(first.installed, true);
    assert.equal(sh(['rev-parse', 'HEAD'], kept), commit);
    const again = await checkoutBase(repo, commit, kept, (line) => lines.push(line));
    assert.equal(again.installed, false, 'same package-lock.json: npm ci skipped');
    await again.dispose();
    assert.ok(existsSync(kept), '--base-dir is kept');
    const temporary = await checkoutBase(repo, commit, null, () => undefined);
    assert.ok(existsSync(join(temporary.dir, 'package.json')));
    await temporary.dispose();
    assert.ok(!existsSync(temporary.dir));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
