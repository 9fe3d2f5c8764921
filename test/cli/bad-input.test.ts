// Bad input through the real binary: exit 2, one line naming the flag or file and field and what
// was expected, no stack trace (unless --debug).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.ts';

const BIN = fileURLToPath(new URL('../../bin/fanout-bench.js', import.meta.url));
let dir = '';

function runBin(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { timeout: 20_000 }, (error, stdout, stderr) => {
      const code = error ? Number((error as { code?: unknown }).code ?? 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fanout-bad-input-'));
  await writeFile(join(dir, 'not-json.json'), '{"urls": [');
  await writeFile(join(dir, 'bad-url.json'), JSON.stringify({ urls: ['/get', 'ftp://example.com/x'] }));
  await writeFile(join(dir, 'extra-key.json'), JSON.stringify({ urls: ['/get'], timeout: 5 }));
  await writeFile(join(dir, 'bad-k.json'), JSON.stringify({ urls: ['/get'], concurrency: [0] }));
  await writeFile(join(dir, 'empty.json'), '[]');
  await writeFile(join(dir, 'not-a-report.json'), '{"a": 1}');
  await writeFile(join(dir, 'other-host.json'), '["//example.invalid/delay/1"]');
  await writeFile(join(dir, 'bad-absolute.json'), '["http://"]');
  await writeFile(join(dir, 'other-host-path.json'), '["http://x.test//example.invalid/get"]');
  await writeFile(join(dir, 'prices-negative.json'), JSON.stringify({ 'gpt-4o-mini': { inputPerMTok: -1, outputPerMTok: 0.6 } }));
  await writeFile(join(dir, 'prices-typo.json'), JSON.stringify({ 'gpt-4o-mini': { inputPerMtok: 0.15, outputPerMTok: 0.6 } }));
  await writeFile(join(dir, 'prices-in-set.json'), JSON.stringify({ urls: ['/get'], prices: { 'gpt-4o-mini': { inputPerMTok: 0.15 } } }));
});
after(() => rm(dir, { recursive: true, force: true }));

const f = (name: string): string => join(dir, name);

/** [args, what stderr must say]; every case exits 2 with exactly one line. */
const CASES: [string[], RegExp][] = [
  [['frobnicate'], /unknown command "frobnicate" \(expected run, serve/],
  [['run', '--bogus'], /run: Unknown option '--bogus'/],
  [['run', 'extra'], /bench file extra: does not exist/],
  [['run', '--iterations', '0'], /--iterations: expected a positive integer, got "0"/],
  [['run', '--warmup=-1'], /--warmup: expected a whole number ≥ 0, got "-1"/],
  [['run', '--warmup', '-1'], /run: Option '--warmup' argument is ambiguous \(write --warmup=VALUE for a value starting with "-"\)/],
  [['run', '--time-scale', 'fast'], /--time-scale: expected a positive number, got "fast"/],
  [['run', '--timeout-ms', '0'], /--timeout-ms: expected a positive number, got "0"/],
  [['run', '--strategies', 'all,nope'], /--strategies: expected one of sequential, all, .*pool-retry.*, got "nope"/],
  [['run', '--client', 'curl'], /--client: expected one of undici, fetch, node-http, .*got "curl"/],
  [['run', '--concurrency', '2,x'], /--concurrency: expected a positive integer, got "x"/],
  [['run', '--suite', 'nope'], /--suite: expected one of strategies/],
  [['run', '--urls', '/no/such/file.json'], /URL file \/no\/such\/file.json: not found/],
  [['run', '--urls', '@not-json'], /URL file .*not-json.json: not valid JSON/],
  [['run', '--urls', '@bad-url'], /URL file .*bad-url.json: urls\.1: must be a path starting with a single "\/" or an http\(s\) URL/],
  [['run', '--urls', '@extra-key'], /URL file .*extra-key.json: .*timeout/],
  [['run', '--urls', '@bad-k'], /URL file .*bad-k.json: concurrency\.0: .*/],
  [['run', '--urls', '@empty'], /URL file .*empty.json: .*expected an array of URLs/],
  [['run', '--seed', '1.5'], /--seed: expected a whole number ≥ 0, got "1.5"/],
  [['run', '--seed', '99999999999'], /--seed: expected at most 4294967295/],
  [['run', '--retries', 'many'], /--retries: expected a whole number ≥ 0, got "many"/],
  [['run', '--retries', '1000'], /--retries: expected at most 100, got 1000/],
  [['run', '--retry-budget=-0.5'], /--retry-budget: expected a number ≥ 0, got "-0.5"/],
  [['run', '--backoff-base-ms', '500', '--backoff-max-ms', '100'], /--backoff-max-ms: expected at least --backoff-base-ms \(500\), got 100/],
  [['run', '--target', 'not a url'], /--target: expected an http\(s\) URL/],
  [['run', '--target', 'ftp://127.0.0.1/'], /--target: expected an http or https URL, got "ftp:"/],
  [['run', '--target', 'http://user:pw@127.0.0.1/'], /--target: credentials in the URL are not accepted/],
  [['run', '--target', 'http://192.0.2.1:8080'], /--target: 192\.0\.2\.1:8080 is not a loopback address; add --allow-remote/],
  [['run', '--target', 'http://api.example.com'], /--target: api\.example\.com is not a loopback address/],
  // Refused before anything is sent: the worst case is over the remote cap.
  [['run', '--target', 'http://192.0.2.1', '--allow-remote', '--iterations', '100'], /remote target: this run could send \d+ requests, over the cap of 1000/],
  [['run', '--allow-remote'], /--allow-remote: only meaningful with --target URL/],
  [['run', '--urls', '@other-host'], /other-host.json: 0: must be a path starting with a single "\/"/],
  [['run', '--urls', '@bad-absolute'], /bad-absolute.json: 0: is not a valid URL/],
  [['run', '--urls', '@other-host-path'], /other-host-path.json: 0: must not have a path starting with "\/\/"/],
  [['run', '--target', 'http://127.0.0.1:9', '--suite', 'strategies,scale'], /--target: the scale suite always measures its own delay server/],
  [['run', '--time-scale', '5000'], /--time-scale: expected at most 1000, got 5000/],
  [['run', '--prices', '/no/such/prices.json'], /--prices \/no\/such\/prices.json: not found/],
  [['run', '--prices', '@not-json'], /--prices .*not-json.json: not valid JSON/],
  [['run', '--prices', '@prices-negative'], /--prices .*prices-negative.json: gpt-4o-mini\.inputPerMTok: .*(>=|≥|at least) ?0.*USD per million tokens/],
  [['run', '--prices', '@prices-typo'], /--prices .*prices-typo.json: gpt-4o-mini\.inputPerMTok: .*expected number/],
  [['run', '--urls', '@prices-in-set'], /URL file .*prices-in-set.json: prices\.gpt-4o-mini\.outputPerMTok: /],
  [['report'], /report: expected a report file/],
  [['report', '/no/such/report.json'], /\/no\/such\/report.json: not found/],
  [['report', '@not-json'], /not-json.json: not valid JSON/],
  [['report', '@not-a-report'], /not-a-report.json: not a fanout-bench report/],
  [['report', '@not-a-report', '--format', 'pdf'], /--format: expected one of table, waterfall/],
  [['serve', '--host', '0.0.0.0'], /--host: 0\.0\.0\.0 is not a loopback address; add --expose/],
  [['serve', '--port', '70000'], /--port: expected 0–65535, got 70000/],
  [['serve', '--request-timeout-ms', '100'], /--request-timeout-ms: expected more than the longest delay \(10000 ms/],
  [['serve', '--max-connections', '0'], /--max-connections: expected a positive integer, got "0"/],
  [['serve', '--headers-timeout-ms', '99999999'], /--headers-timeout-ms: expected at most the request timeout/],
];

/** main() in this process with stdout/stderr captured: the same code path as the binary, without a tsx start-up per case. */
async function runMain(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const written = { stdout: '', stderr: '' };
  const originals = { stdout: process.stdout.write, stderr: process.stderr.write };
  process.stdout.write = ((chunk: string) => ((written.stdout += chunk), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => ((written.stderr += chunk), true)) as typeof process.stderr.write;
  try {
    const code = await main(args);
    return { code, ...written };
  } finally {
    process.stdout.write = originals.stdout;
    process.stderr.write = originals.stderr;
  }
}

const withFiles = (args: string[]): string[] => args.map((a) => (a.startsWith('@') ? f(`${a.slice(1)}.json`) : a));

function check(label: string, expected: RegExp, { code, stderr, stdout }: { code: number; stderr: string; stdout: string }): void {
  assert.equal(code, 2, `${label}: exit code (stderr ${stderr})`);
  assert.match(stderr, expected, label);
  assert.match(stderr, /^fanout-bench: [^\n]+\n$/, `${label}: exactly one line`);
  assert.doesNotMatch(stderr, /\n\s+at /, `${label}: no stack trace`);
  assert.equal(stdout, '', `${label}: nothing on stdout`);
}

test(`bad input: ${CASES.length} cases through main(), each exit 2 with one line and no stack trace`, async () => {
  for (const [args, expected] of CASES) check(args.join(' '), expected, await runMain(withFiles(args)));
});

/** A sample of the table through the real binary and process exit code. */
const BINARY_CASES = [0, 7, 13, 22, 26, 30].map((i) => CASES[i]!);

test(`bad input through the binary: ${BINARY_CASES.length} cases`, async () => {
  const results = await Promise.all(BINARY_CASES.map(async ([args, expected]) => ({ args, expected, ...(await runBin(withFiles(args))) })));
  for (const { args, expected, code, stderr, stdout } of results) {
    check(`bin ${args.join(' ')}`, expected, { code, stderr, stdout });
  }
});

test('--debug adds the stack trace; the exit code stays 2', async () => {
  const { code, stderr } = await runBin(['run', '--iterations', '0', '--debug']);
  assert.equal(code, 2);
  assert.match(stderr, /InputError: --iterations/);
  assert.match(stderr, /\n\s+at /);
});
