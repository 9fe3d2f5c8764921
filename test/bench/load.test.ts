// Bench files that cannot be run: each is one line naming the file and what is wrong (exit 2 from the CLI).
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { findBenchFiles, loadBenchFile } from '../../src/bench/load.ts';
import { main } from '../../src/cli/main.ts';
import { captureIO } from '../cli/capture-io.ts';

let dir = '';
const file = async (name: string, text: string): Promise<string> => {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
};

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fanout-bench-files-'));
});
after(async () => rm(dir, { recursive: true, force: true }));

test('a good .ts bench file loads as a URL set with its variants and strategies', async () => {
  const path = await file(
    'good.bench.ts',
    `const run = async ({ urls }: { urls: string[] }): Promise<void> => { await Promise.all(urls.map((u) => fetch(u))); };
export default { name: 'good', urls: ['/get', 'https://example.invalid/delay/1?x=1'], variants: { plain: run, declared: { run, ideal: { pool: 2 } } }, strategies: ['all'], concurrency: [2] };`,
  );
  const bench = await loadBenchFile(path);
  assert.equal(bench.name, 'good');
  assert.deepEqual(bench.paths, ['/get', '/delay/1?x=1']);
  assert.deepEqual(bench.strategies, ['all']);
  assert.deepEqual(bench.concurrency, [2]);
  assert.deepEqual(Object.keys(bench.variants ?? {}), ['plain', 'declared']);
  assert.deepEqual(bench.variants?.declared?.ideal, { pool: 2 });
});

test('a .mjs bench file may name a URL file beside it', async () => {
  await file('set.json', JSON.stringify({ description: 'from the file', urls: ['/delay/0.1'] }));
  const bench = await loadBenchFile(await file('named.bench.mjs', `export default { name: 'named', fixture: './set.json', strategies: ['sequential'] };`));
  assert.deepEqual([bench.paths, bench.description], [['/delay/0.1'], 'from the file']);
});

test('prices: a URL-set file’s and the bench’s own, the bench’s winning per model', async () => {
  await file('priced-set.json', JSON.stringify({ urls: ['/v1/chat/completions'], prices: { a: { inputPerMTok: 1, outputPerMTok: 2 }, b: { inputPerMTok: 3, outputPerMTok: 4 } } }));
  const bench = await loadBenchFile(
    await file('priced.bench.mjs', `export default { name: 'p', fixture: './priced-set.json', strategies: ['all'], prices: { b: { inputPerMTok: 5, outputPerMTok: 6 } } };`),
  );
  assert.deepEqual(bench.prices, { a: { inputPerMTok: 1, outputPerMTok: 2 }, b: { inputPerMTok: 5, outputPerMTok: 6 } });
  const plain = await loadBenchFile(await file('plain.bench.mjs', `export default { name: 'q', urls: ['/get'], strategies: ['all'] };`));
  assert.equal(plain.prices, undefined, 'no table given, none invented');
});

const cases: [string, string, string, RegExp][] = [
  ['syntax error', 'broken.bench.ts', 'export default {', /broken\.bench\.ts: cannot be imported/],
  ['missing package', 'missing.bench.mjs', `import x from 'no-such-package-here'; export default x;`, /missing\.bench\.mjs: cannot be imported: .*no-such-package-here/],
  ['no default export', 'nodefault.bench.mjs', 'export const bench = {};', /nodefault\.bench\.mjs: no default export/],
  ['wrong shape', 'shape.bench.mjs', `export default { name: 'shape', urls: ['/get'], variants: { x: 42 } };`, /shape\.bench\.mjs: .*variants/],
  ['unknown strategy', 'strategy.bench.mjs', `export default { name: 's', urls: ['/get'], strategies: ['fastest'] };`, /strategy\.bench\.mjs: .*strategies/],
  ['neither urls nor fixture', 'nourls.bench.mjs', `export default { name: 'n', strategies: ['all'] };`, /nourls\.bench\.mjs: .*either "urls" or "fixture"/],
  ['variant named like a strategy it runs', 'clash.bench.mjs', `export default { name: 'c', urls: ['/get'], strategies: ['all'], variants: { all: async () => {} } };`, /clash\.bench\.mjs: variant "all" has the name of a strategy/],
  ['a price that is not a number', 'price.bench.mjs', `export default { name: 'p', urls: ['/get'], strategies: ['all'], prices: { m: { inputPerMTok: '0.15', outputPerMTok: 1 } } };`, /price\.bench\.mjs: prices\.m\.inputPerMTok: /],
  ['nothing to run', 'empty.bench.mjs', `export default { name: 'e', urls: ['/get'] };`, /empty\.bench\.mjs: .*at least one variant or strategy/],
];

for (const [what, name, text, message] of cases) {
  test(`bad bench file (${what}): one line naming the file, exit 2`, async () => {
    const path = await file(name, text);
    await assert.rejects(loadBenchFile(path), message);
    const io = captureIO();
    const code = await main(['run', path, '--suite', 'strategies', '--out', join(dir, 'out')], io.io);
    assert.equal(code, 2);
    assert.match(io.stderr(), message);
    assert.equal(io.stderr().trim().split('\n').length, 1, io.stderr());
    assert.doesNotMatch(io.stderr(), /\n\s+at /);
  });
}

test('a bench file that does not exist, or a glob that matches nothing', async () => {
  await assert.rejects(findBenchFiles([join(dir, 'nope.bench.ts')]), /bench file .*nope\.bench\.ts: does not exist/);
  await assert.rejects(findBenchFiles(['nothing-here/*.bench.ts'], dir), /nothing matches "nothing-here\/\*\.bench\.ts"/);
  await assert.rejects(findBenchFiles([await file('data.json', '{}')]), /expected a \.ts, \.mts, \.js, \.mjs file/);
});

test('two benches with one name are refused', async () => {
  const a = await file('a.bench.mjs', `export default { name: 'same', urls: ['/get'], strategies: ['all'] };`);
  const b = await file('b.bench.mjs', `export default { name: 'same', urls: ['/get'], strategies: ['all'] };`);
  const io = captureIO();
  assert.equal(await main(['run', a, b, '--suite', 'strategies', '--out', join(dir, 'out')], io.io), 2);
  assert.match(io.stderr(), /both named "same"/);
});
