// --max-rate / --runners / --allow-remote for the load and open suites. Nothing here sends a request
// anywhere but loopback: the refusals happen while parsing flags, and the rate cap is measured
// against the local delay server (the cap is the same code whether the target is remote or not).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { main } from '../../src/cli/main.ts';
import { assertRemoteSuites, capOpenRates, parseRemoteLoadFlags, remoteLoadStatement } from '../../src/cli/remote-load-flags.ts';
import { parseRunFlags } from '../../src/cli/run-command.ts';
import { InputError } from '../../src/util/input-error.ts';
import { startDelayServer } from '../../src/server/index.ts';
import { runLoadSweep } from '../../src/suites/load/run-load.ts';
import { OPEN_DEFAULTS } from '../../src/suites/open/options.ts';
import { captureIO } from './capture-io.ts';

// TEST-NET-1 (RFC 5737): never routed; the refusals below fire before any request is made.
const REMOTE = 'http://192.0.2.1:8080';

test('flag logic: --max-rate is a whole req/s, --runners needs it, open rates are clamped, the statement says N × R', () => {
  assert.deepEqual(parseRemoteLoadFlags({}), {});
  assert.deepEqual(parseRemoteLoadFlags({ 'max-rate': '50' }), { maxRatePerSec: 50, runners: 1 });
  assert.deepEqual(parseRemoteLoadFlags({ 'max-rate': '50', runners: '4' }), { maxRatePerSec: 50, runners: 4 });
  for (const [values, message] of [
    [{ 'max-rate': '0' }, /--max-rate: expected a positive integer/],
    [{ 'max-rate': '2.5' }, /--max-rate: expected a positive integer/],
    [{ runners: '3' }, /--runners: only meaningful with --max-rate/],
    [{ 'max-rate': '5', runners: '1000' }, /--runners: expected at most 256/],
  ] as const) {
    assert.throws(() => parseRemoteLoadFlags(values), (error: unknown) => error instanceof InputError && message.test(error.message));
  }
  const capped = capOpenRates({ ...OPEN_DEFAULTS, startRatePerSec: 100, maxRatePerSec: 12_800 }, 300);
  assert.equal(capped.startRatePerSec, 100);
  assert.equal(capped.maxRatePerSec, 300);
  assert.equal(capOpenRates(OPEN_DEFAULTS, 20).startRatePerSec, 20);
  assert.deepEqual(capOpenRates(OPEN_DEFAULTS, undefined), OPEN_DEFAULTS);
  assert.equal(
    remoteLoadStatement('https://api.example.com', { maxRatePerSec: 50, runners: 4 }),
    'fanout-bench: load and open suites will send to https://api.example.com at most 50 req/s from this runner; 4 runner(s) × 50 req/s = at most 200 req/s in total\n',
  );
  assert.doesNotThrow(() => assertRemoteSuites(['load', 'open', 'strategies'], true, { maxRatePerSec: 5 }, REMOTE));
  assert.doesNotThrow(() => assertRemoteSuites(['load', 'micro'], false, {}, undefined), 'loopback: nothing to refuse');
  assert.throws(() => assertRemoteSuites(['load'], true, {}, REMOTE), /the load suite may run against 192\.0\.2\.1:8080 only with --max-rate R/);
  assert.throws(() => assertRemoteSuites(['open', 'micro'], true, { maxRatePerSec: 5 }, REMOTE), /micro cannot run against a remote target/);
});

test('remote load is refused unless --allow-remote AND --max-rate: exit 2, one line, before any request', async () => {
  const cases: Array<[string[], RegExp]> = [
    [['--suite', 'load', '--max-rate', '50'], /--target: 192\.0\.2\.1:8080 is not a loopback address; add --allow-remote/],
    [['--suite', 'load', '--allow-remote'], /--target: the load suite may run against 192\.0\.2\.1:8080 only with --max-rate R/],
    [['--suite', 'open,load', '--allow-remote'], /the open and load suites may run .* only with --max-rate R/],
    [['--suite', 'micro', '--allow-remote', '--max-rate', '50'], /--target: micro cannot run against a remote target/],
    [['--suite', 'load', '--allow-remote', '--runners', '3'], /--runners: only meaningful with --max-rate/],
    [['--suite', 'strategies,load', '--allow-remote', '--max-rate', '5', '--iterations', '100'], /remote target: this run could send \d+ requests, over the cap of 1000/],
  ];
  for (const [args, message] of cases) {
    const captured = captureIO();
    const code = await main(['run', '--target', REMOTE, ...args], captured.io);
    assert.equal(code, 2, args.join(' '));
    assert.equal(captured.stdout(), '');
    assert.equal(captured.stderr().trim().split('\n').length, 1, captured.stderr());
    assert.match(captured.stderr(), message);
  }
});

test('an allowed remote load run carries the cap into its options (parsed only, never run)', async () => {
  const options = await parseRunFlags(['--target', REMOTE, '--allow-remote', '--suite', 'load,open', '--max-rate', '40', '--runners', '3', '--open-start-rate', '100']);
  assert.ok(options !== 'help');
  assert.equal(options.maxRatePerSec, 40);
  assert.equal(options.runners, 3);
  assert.equal(options.suiteOptions?.open?.startRatePerSec, 40);
  assert.equal(options.suiteOptions?.open?.maxRatePerSec, 40);
  assert.equal(options.target, REMOTE);
});

test('--max-rate caps the load suite at R req/s, latency uncorrected (local delay server)', async () => {
  const server = await startDelayServer({ timeScale: 1 });
  try {
    const maxRatePerSec = 40;
    const durationS = 2;
    const [point] = await runLoadSweep({
      baseUrl: server.url,
      connections: [10],
      endpoints: ['/get'],
      durationS,
      warmupS: 0,
      preWarmS: 0,
      timeScale: 1,
      timeoutS: 5,
      maxRatePerSec,
    });
    assert.ok(point);
    for (const side of [point.delayServer, point.bare]) {
      assert.equal(side.state, 'measured', side.state === 'failed' ? side.error : '');
      if (side.state !== 'measured') continue;
      // Uncapped, /get at 10 connections runs at thousands of req/s here. Capped: at most R × seconds
      // responses in all (autocannon's `amount`), at a rate near R (its per-second windows).
      assert.ok(side.completed > 0);
      assert.ok(side.completed <= maxRatePerSec * durationS, `${side.completed} responses over ${maxRatePerSec} × ${durationS} s`);
      assert.ok(side.requestsPerSec <= maxRatePerSec * 1.1, `${side.requestsPerSec} req/s over the cap of ${maxRatePerSec}`);
    }
  } finally {
    await server.close();
  }
});
