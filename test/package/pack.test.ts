// The package as a user gets it: `npm pack`, installed into an empty project, imported from plain Node
// ESM, type-checked from a strict nodenext TypeScript project, and its bin run. A file missing from
// package.json's "files" fails here. (dist/ is built by `pretest`; packing skips scripts so the build
// is not rewritten under tests running beside this one.)
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const TYPES_NODE = (await import('../../package.json', { with: { type: 'json' } })).default.devDependencies['@types/node'];
let dir = '';
let app = '';

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fanout-pack-'));
  await run('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], { cwd: ROOT });
  const tarball = (await readdir(dir)).find((name) => name.endsWith('.tgz'));
  assert.ok(tarball, 'npm pack wrote a tarball');
  app = join(dir, 'app');
  await run('mkdir', [app]);
  await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'pack-check', private: true, type: 'module' }));
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--silent', join(dir, tarball), `@types/node@${TYPES_NODE}`], { cwd: app });
});

after(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('plain Node ESM imports the public API and runs a bench', { timeout: 180_000 }, async () => {
  await writeFile(
    join(app, 'use.mjs'),
    `import { startDelayServer, runBench, defineBench, reporters, reportJsonSchemaPath } from 'fanout-bench';
import { existsSync } from 'node:fs';
const server = await startDelayServer({ timeScale: 0.01 });
const res = await fetch(server.url + '/delay/1');
const timing = res.headers.get('server-timing');
await res.text();
await server.close();
const bench = defineBench({ name: 'mine', urls: ['/delay/1', '/get'] });
const report = await runBench({ urlSets: [{ name: bench.name, urls: bench.urls }], strategies: ['sequential', 'all'], timeScale: 0.01, iterations: 1, warmup: 0 });
console.log(JSON.stringify({ timing, rows: report.strategies.map((r) => r.name), table: reporters.table.render(report).includes('sequential'), schema: existsSync(reportJsonSchemaPath) }));
`,
  );
  const { stdout } = await run('node', ['use.mjs'], { cwd: app });
  const out = JSON.parse(stdout) as { timing: string; rows: string[]; table: boolean; schema: boolean };
  assert.match(out.timing, /initial_delay;dur=10\.00/);
  assert.deepEqual(out.rows, ['sequential', 'all']);
  assert.equal(out.table, true);
  assert.equal(out.schema, true);
});

test('a strict nodenext TypeScript project type-checks against the shipped declarations', { timeout: 180_000 }, async () => {
  await writeFile(
    join(app, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', noEmit: true, skipLibCheck: true, types: ['node'] }, include: ['*.ts'] }),
  );
  await writeFile(
    join(app, 'check.ts'),
    `import { startDelayServer, runBench, defineBench, type Report, type Strategy, type Client, type Reporter } from 'fanout-bench';
const server = await startDelayServer({ timeScale: 0.5 });
const url: string = server.url;
const bench = defineBench({ name: 'typed', urls: ['/get'], variants: { plain: async ({ urls }) => Promise.all(urls.map((u) => fetch(u))) } });
const report: Report = await runBench({ iterations: 1 });
const rows: number = report.strategies.length;
const mine: Strategy = { name: 'mine', description: '', takesConcurrency: false, run: async (n, attempt) => { for (let i = 0; i < n; i++) await attempt(i); }, idealMs: (s) => s.reduce((a, b) => a + b, 0) };
const reporter: Reporter = { name: 'count', description: '', render: (r) => String(r.strategies.length) };
export { url, bench, rows, mine, reporter };
export type { Client };
`,
  );
  // The declarations are real: check.ts passes and the one wrong type in bad.ts is the only error.
  await writeFile(join(app, 'bad.ts'), `import { startDelayServer } from 'fanout-bench';\nconst n: number = (await startDelayServer()).url;\nexport { n };\n`);
  const failed = await run('node', [TSC, '-p', app], { cwd: app }).then(() => null, (error: { stdout: string }) => error.stdout);
  assert.ok(failed !== null, 'tsc refused bad.ts');
  const errors = failed.split('\n').filter((line) => /error TS/.test(line));
  assert.equal(errors.length, 1, failed);
  assert.match(errors[0]!, /^bad\.ts.*Type 'string' is not assignable to type 'number'/);
  await rm(join(app, 'bad.ts'));
});

test('the installed bin runs a bench and writes its report', { timeout: 180_000 }, async () => {
  const bin = join(app, 'node_modules', '.bin', 'fanout-bench');
  const { stdout } = await run(bin, ['run', '--suite', 'strategies', '--strategies', 'all', '--time-scale', '0.01', '--iterations', '1', '--warmup', '0', '--quiet', '--out', 'out'], { cwd: app });
  assert.match(stdout.trim(), /^out\/.+\.json$/);
  const help = await run(bin, ['--help'], { cwd: app });
  assert.match(help.stdout, /Usage: fanout-bench <command>/);
});

test('the README\'s own-code example runs from the packed tarball: variants recorded, baseline saved and gated', { timeout: 300_000 }, async () => {
  const example = join(dir, 'own-code');
  await run('cp', ['-r', join(ROOT, 'examples', 'own-code'), example]);
  const tarball = (await readdir(dir)).find((name) => name.endsWith('.tgz'))!;
  const pLimit = (await import('../../package.json', { with: { type: 'json' } })).default.dependencies['p-limit'];
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--silent', join(dir, tarball), `p-limit@${pLimit}`], { cwd: example });
  const bin = join(example, 'node_modules', '.bin', 'fanout-bench');
  const args = ['run', 'bench/*.bench.ts', '--suite', 'strategies', '--time-scale', '0.01', '--iterations', '3', '--warmup', '0', '--quiet'];
  const saved = await run(bin, [...args, '--save-baseline', 'main'], { cwd: example });
  const report = JSON.parse(await readFile(join(example, saved.stdout.trim()), 'utf8')) as {
    strategies: { name: string; kind?: string; requests: { total: number }; variant?: { idealBasis: string; unrecorded: number | null } }[];
  };
  const variants = report.strategies.filter((row) => row.kind === 'variant');
  assert.deepEqual(variants.map((row) => row.name), ['promise-all', 'p-limit(2)']);
  for (const row of variants) {
    assert.equal(row.requests.total, 3 * 4, `${row.name}: every request of every run recorded`);
    assert.equal(row.variant?.idealBasis, 'declared');
    assert.equal(row.variant?.unrecorded, 0, `${row.name}: the server saw no request the recorder missed`);
  }
  assert.deepEqual(report.strategies.filter((row) => row.kind === undefined).map((row) => row.name), ['sequential', 'all', 'pool']);
  // The gate compares variant rows like any other: same code, no regression, exit 0.
  const gated = await run(bin, [...args, '--baseline', 'main'], { cwd: example });
  assert.match(gated.stdout, /\.json/);
});
