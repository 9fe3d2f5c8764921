// Route lookups remembered by method and target: resolved once per target, bounded, methods apart.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_REMEMBERED_TARGETS, memoByTarget } from '../../src/server/route-memo.ts';
import { matchRoute } from '../../src/server/routes.ts';

test('a target is resolved once per method, null results included, and the answer is the resolver\'s', () => {
  const calls: string[] = [];
  const lookup = memoByTarget((target, method) => {
    calls.push(`${method} ${target}`);
    return target === '/bad' ? null : { target, method };
  });
  assert.deepEqual(lookup('/get', 'GET'), { target: '/get', method: 'GET' });
  assert.equal(lookup('/get', 'GET'), lookup('/get', 'GET'));
  assert.deepEqual(lookup('/get', 'POST'), { target: '/get', method: 'POST' });
  assert.equal(lookup('/bad', 'GET'), null);
  assert.equal(lookup('/bad', 'GET'), null);
  assert.deepEqual(calls, ['GET /get', 'POST /get', 'GET /bad']);
});

test('past the bound a method\'s table starts again, so distinct targets cannot grow it without limit', () => {
  let calls = 0;
  const lookup = memoByTarget((target) => {
    calls += 1;
    return target;
  });
  for (let i = 0; i < MAX_REMEMBERED_TARGETS; i++) lookup(`/t/${i}`, 'GET');
  lookup('/t/0', 'GET');
  assert.equal(calls, MAX_REMEMBERED_TARGETS, 'all remembered up to the bound');
  lookup('/t/new', 'GET');
  lookup('/t/1', 'GET');
  assert.equal(calls, MAX_REMEMBERED_TARGETS + 2, 'the table was emptied when full');
});

test('remembered route matches are the route table\'s own', () => {
  const lookup = memoByTarget((target, method) => matchRoute(target, method));
  for (const [target, method] of [['/delay/0.05', 'GET'], ['/get', 'POST'], ['/nope', 'GET'], ['/status/404', 'PUT']] as const) {
    assert.deepEqual(lookup(target, method), matchRoute(target, method));
    assert.deepEqual(lookup(target, method), matchRoute(target, method));
  }
});
