import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLoadFlags } from '../../src/suites/load/flags.ts';
import { parseOpenFlags } from '../../src/suites/open/flags.ts';
import { parseRunFlags } from '../../src/cli/run-command.ts';
import { InputError } from '../../src/util/input-error.ts';
import { LOAD_DEFAULTS } from '../../src/suites/load/options.ts';
import { OPEN_DEFAULTS } from '../../src/suites/open/options.ts';

test('load flags: defaults, lists and durations', async () => {
  assert.deepEqual(await parseLoadFlags({}), LOAD_DEFAULTS);
  assert.deepEqual(
    await parseLoadFlags({ 'load-connections': ['1,10', '100'], 'load-endpoints': ['/get,/delay/0.01'], 'load-duration-s': '0.5', 'load-warmup-s': '0', 'load-prewarm-s': '0.2', 'load-pairs': '6' }),
    { connections: [1, 10, 100], endpoints: ['/get', '/delay/0.01'], durationS: 0.5, warmupS: 0, preWarmS: 0.2, pairs: 6 },
  );
});

test('load flags: bad values are one-line input errors naming the flag', async () => {
  await assert.rejects(() => parseLoadFlags({ 'load-connections': ['0'] }), (e: unknown) => e instanceof InputError && /--load-connections/.test(e.message));
  await assert.rejects(() => parseLoadFlags({ 'load-endpoints': ['get'] }), /--load-endpoints: expected a path/);
  await assert.rejects(() => parseLoadFlags({ 'load-endpoints': ['/nope'] }), /--load-endpoints: the delay server has no GET route for "\/nope"/);
  await assert.rejects(() => parseLoadFlags({ 'load-duration-s': '0' }), /--load-duration-s/);
  await assert.rejects(() => parseLoadFlags({ 'load-pairs': '0' }), /--load-pairs: expected a positive integer/);
  await assert.rejects(() => parseLoadFlags({ 'load-pairs': '51' }), /--load-pairs: expected at most 50, got 51/);
});

test('open flags: defaults, values and checks', async () => {
  assert.deepEqual(await parseOpenFlags({}), OPEN_DEFAULTS);
  const parsed = await parseOpenFlags({ 'open-endpoint': '/get', 'open-arrivals': 'constant', 'open-seed': '9', 'open-start-rate': '10', 'open-max-rate': '40', 'open-max-in-flight': '5' });
  assert.deepEqual([parsed.endpoint, parsed.arrivals, parsed.seed, parsed.startRatePerSec, parsed.maxRatePerSec, parsed.maxInFlight], ['/get', 'constant', 9, 10, 40, 5]);
  await assert.rejects(() => parseOpenFlags({ 'open-arrivals': 'bursty' }), /--open-arrivals: expected one of constant, poisson/);
  await assert.rejects(() => parseOpenFlags({ 'open-start-rate': '100', 'open-max-rate': '50' }), /--open-max-rate: 50 is below the start rate 100/);
  await assert.rejects(() => parseOpenFlags({ 'open-endpoint': '/nope' }), /--open-endpoint: the delay server has no GET route/);
});

test('run flags carry the load and open settings', async () => {
  const options = await parseRunFlags(['--suite', 'load,open', '--load-connections', '5', '--open-step-requests', '50']);
  assert.notEqual(options, 'help');
  if (options === 'help') return;
  assert.deepEqual(options.suites, ['load', 'open']);
  assert.deepEqual(options.suiteOptions?.load?.connections, [5]);
  assert.equal(options.suiteOptions?.open?.stepMaxRequests, 50);
});
