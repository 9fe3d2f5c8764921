import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLoadFlags } from '../../src/cli/load-flags.ts';
import { parseOpenFlags } from '../../src/cli/open-flags.ts';
import { parseRunFlags } from '../../src/cli/run-command.ts';
import { InputError } from '../../src/input-error.ts';
import { LOAD_DEFAULTS } from '../../src/suites/load/options.ts';
import { OPEN_DEFAULTS } from '../../src/suites/open/options.ts';

test('load flags: defaults, lists and durations', () => {
  assert.deepEqual(parseLoadFlags({}), LOAD_DEFAULTS);
  assert.deepEqual(
    parseLoadFlags({ 'load-connections': ['1,10', '100'], 'load-endpoints': ['/get,/delay/0.01'], 'load-duration-s': '0.5', 'load-warmup-s': '0', 'load-prewarm-s': '0.2' }),
    { connections: [1, 10, 100], endpoints: ['/get', '/delay/0.01'], durationS: 0.5, warmupS: 0, preWarmS: 0.2 },
  );
});

test('load flags: bad values are one-line input errors naming the flag', () => {
  assert.throws(() => parseLoadFlags({ 'load-connections': ['0'] }), (e: unknown) => e instanceof InputError && /--load-connections/.test(e.message));
  assert.throws(() => parseLoadFlags({ 'load-endpoints': ['get'] }), /--load-endpoints: expected a path/);
  assert.throws(() => parseLoadFlags({ 'load-endpoints': ['/nope'] }), /--load-endpoints: the delay server has no GET route for "\/nope"/);
  assert.throws(() => parseLoadFlags({ 'load-duration-s': '0' }), /--load-duration-s/);
});

test('open flags: defaults, values and checks', () => {
  assert.deepEqual(parseOpenFlags({}), OPEN_DEFAULTS);
  const parsed = parseOpenFlags({ 'open-endpoint': '/get', 'open-arrivals': 'constant', 'open-seed': '9', 'open-start-rate': '10', 'open-max-rate': '40', 'open-max-in-flight': '5' });
  assert.deepEqual([parsed.endpoint, parsed.arrivals, parsed.seed, parsed.startRatePerSec, parsed.maxRatePerSec, parsed.maxInFlight], ['/get', 'constant', 9, 10, 40, 5]);
  assert.throws(() => parseOpenFlags({ 'open-arrivals': 'bursty' }), /--open-arrivals: expected one of constant, poisson/);
  assert.throws(() => parseOpenFlags({ 'open-start-rate': '100', 'open-max-rate': '50' }), /--open-max-rate: 50 is below the start rate 100/);
  assert.throws(() => parseOpenFlags({ 'open-endpoint': '/nope' }), /--open-endpoint: the delay server has no GET route/);
});

test('run flags carry the load and open settings', async () => {
  const options = await parseRunFlags(['--suite', 'load,open', '--load-connections', '5', '--open-step-requests', '50']);
  assert.notEqual(options, 'help');
  if (options === 'help') return;
  assert.deepEqual(options.suites, ['load', 'open']);
  assert.deepEqual(options.load?.connections, [5]);
  assert.equal(options.open?.stepMaxRequests, 50);
});
