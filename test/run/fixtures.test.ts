// URL-set entries that are requests: parsed into paths plus method, JSON body and headers; every bad
// entry is one line naming the file (or bench) and the field.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { loadBenchFile } from '../../src/bench/load.ts';
import { main } from '../../src/cli/main.ts';
import { loadFixture, parseFixture } from '../../src/run/fixtures.ts';
import { InputError } from '../../src/util/input-error.ts';
import { captureIO } from '../cli/capture-io.ts';

let dir = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fanout-bench-url-sets-'));
});
after(async () => rm(dir, { recursive: true, force: true }));

const chat = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], stream: true };

test('request entries: POST when a body is given, JSON with its content-type, header names in lower case', () => {
  const set = parseFixture(
    {
      name: 'mixed',
      urls: [
        '/get',
        { path: '/v1/chat/completions', body: chat, headers: { Authorization: 'Bearer team-a' } },
        { path: 'https://api.example.invalid/anything?x=1', method: 'PUT', body: [1, 'two'], headers: { 'Content-Type': 'application/vnd.api+json' } },
        { path: '/v1/models' },
        { method: 'DELETE', path: '/anything' },
      ],
    },
    'URL file mixed.json',
    'mixed',
  );
  assert.deepEqual(set.paths, ['/get', '/v1/chat/completions', '/anything?x=1', '/v1/models', '/anything']);
  assert.deepEqual(set.requests, [
    null,
    { method: 'POST', body: JSON.stringify(chat), headers: { authorization: 'Bearer team-a', 'content-type': 'application/json' } },
    { method: 'PUT', body: '[1,"two"]', headers: { 'content-type': 'application/vnd.api+json' } },
    { method: 'GET' },
    { method: 'DELETE' },
  ]);
});

test('a URL set of paths only has no requests: its GETs go out exactly as before', () => {
  const set = parseFixture(['/get', '/delay/1'], 'URL file plain.json', 'plain');
  assert.equal(set.requests, undefined);
  assert.deepEqual(set.paths, ['/get', '/delay/1']);
});

const bad: [string, unknown, RegExp][] = [
  ['a path that is not one', { urls: ['/get', { path: 'v1/chat' }] }, /^URL file bad\.json: urls\.1\.path: must be a path starting with a single "\/"/],
  ['an unknown method', [{ path: '/anything', method: 'FETCH' }], /^URL file bad\.json: 0\.method: Invalid option: expected one of "GET"/],
  ['a body on a GET', [{ path: '/anything', method: 'GET', body: { a: 1 } }], /^URL file bad\.json: 0\.body: a GET or HEAD request cannot have a body/],
  ['a header value that is not a string', { urls: [{ path: '/anything', headers: { 'x-api-key': 42 } }] }, /^URL file bad\.json: urls\.0\.headers\.x-api-key: Invalid input: expected string/],
  ['a header name with a space', [{ path: '/anything', headers: { 'api key': 'k' } }], /^URL file bad\.json: 0\.headers\.api key: is not a valid header name/],
  ['a header the harness sets', [{ path: '/anything', headers: { 'X-Fanout-Warmup': '1' } }], /^URL file bad\.json: 0\.headers\.X-Fanout-Warmup: is set by fanout-bench or the HTTP client/],
  ['content-length', [{ path: '/anything', headers: { 'content-length': '3' } }], /^URL file bad\.json: 0\.headers\.content-length: is set by fanout-bench or the HTTP client/],
  ['a header twice', [{ path: '/anything', headers: { 'X-Api-Key': 'a', 'x-api-key': 'b' } }], /^URL file bad\.json: 0\.headers: names a header twice/],
  ['a line break in a header', [{ path: '/anything', headers: { 'x-api-key': 'a\r\nb' } }], /^URL file bad\.json: 0\.headers\.x-api-key: must not contain line breaks/],
  ['an unknown field', [{ path: '/anything', timeoutMs: 5 }], /^URL file bad\.json: 0: Unrecognized key: "timeoutMs"/],
  ['no path', [{ method: 'POST', body: {} }], /^URL file bad\.json: 0\.path: Invalid input: expected string/],
  ['an entry of another type', { urls: [7] }, /^URL file bad\.json: urls\.0: must be a path, an http\(s\) URL, or a request \{"method", "path", "body", "headers"\}/],
  ['a body that is not JSON', [{ path: '/anything', body: { at: new Date(0) } }], /^URL file bad\.json: 0\.body: must be JSON/],
];
for (const [what, json, message] of bad) {
  test(`bad request entry (${what}): one line naming the file and the field`, () => {
    assert.throws(() => parseFixture(json, 'URL file bad.json', 'bad'), (error: unknown) => error instanceof InputError && message.test(error.message) && !error.message.includes('\n'));
  });
}

test('run --urls with a bad request entry exits 2 with one line naming the file and the field', async () => {
  const file = join(dir, 'bad-entry.json');
  await writeFile(file, JSON.stringify({ urls: [{ path: '/v1/chat/completions', method: 'GET', body: chat }] }));
  const io = captureIO();
  assert.equal(await main(['run', '--suite', 'strategies', '--urls', file, '--out', join(dir, 'out')], io.io), 2);
  assert.match(io.stderr(), /bad-entry\.json: urls\.0\.body: a GET or HEAD request cannot have a body/);
  assert.equal(io.stderr().trim().split('\n').length, 1, io.stderr());
});

test('bench files take request entries inline and from a named URL-set file', async () => {
  const setFile = join(dir, 'chat-set.json');
  await writeFile(setFile, JSON.stringify({ urls: ['/get', { path: '/v1/chat/completions', body: chat, headers: { 'x-api-key': 'k' } }] }));
  const loaded = await loadFixture(setFile);
  const named = join(dir, 'named.bench.mjs');
  await writeFile(named, `export default { name: 'named', fixture: './chat-set.json', strategies: ['all'] };`);
  const fromFile = await loadBenchFile(named);
  assert.deepEqual([fromFile.paths, fromFile.requests], [loaded.paths, loaded.requests]);
  assert.equal(fromFile.requests?.[1]?.method, 'POST');

  const inline = join(dir, 'inline.bench.mjs');
  await writeFile(inline, `export default { name: 'inline', urls: [{ path: '/anything', method: 'PATCH', body: { a: 1 } }], strategies: ['all'] };`);
  assert.deepEqual((await loadBenchFile(inline)).requests, [{ method: 'PATCH', body: '{"a":1}', headers: { 'content-type': 'application/json' } }]);

  const broken = join(dir, 'broken.bench.mjs');
  await writeFile(broken, `export default { name: 'broken', urls: [{ path: '/anything', headers: { 'x-api-key': 1 } }], strategies: ['all'] };`);
  await assert.rejects(loadBenchFile(broken), /^InputError: bench file .*broken\.bench\.mjs: urls\.0\.headers\.x-api-key: Invalid input: expected string/);
});

test('runBench in code: a request entry goes out with its method and body; its records keep the method', async () => {
  const { runBench } = await import('../../src/run/bench-options.ts');
  const report = await runBench({
    urlSets: [{ name: 'posts', urls: ['/get', { path: '/anything', body: { question: 'why' }, headers: { 'x-api-key': 'k1' } }] }],
    strategies: ['all'],
    iterations: 1,
    warmup: 1,
    timeScale: 0.01,
  });
  const [row] = report.strategies;
  assert.deepEqual(row?.timeline.map((r) => [r.outcome.kind, r.method]), [['ok', undefined], ['ok', 'POST']]);
  assert.deepEqual(report.fixtures[0]?.urls, ['/get', '/anything']);
});
