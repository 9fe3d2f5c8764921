import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pathOf } from '../../src/server/index.ts';

test('pathOf takes the fast path for plain origin-form targets and matches URL parsing elsewhere', () => {
  assert.equal(pathOf('/get'), '/get');
  assert.equal(pathOf('/get?a=1&b=/x'), '/get');
  assert.equal(pathOf('/delay/0.5'), '/delay/0.5');
  // Dot segments, encodings, doubled slashes and absolute form go through WHATWG URL, as before.
  assert.equal(pathOf('/anything/../get'), '/get');
  assert.equal(pathOf('/status/%34%30%34'), '/status/%34%30%34');
  assert.equal(pathOf('http://example.test/ip?x'), '/ip');
  assert.equal(pathOf('//evil.test/get'), '/get');
  assert.equal(pathOf('/a\\b'), '/a/b');
  for (const target of ['/get', '/x/./y', '/%2e%2e/get', '//h/p', '/q?/../r']) {
    assert.equal(pathOf(target), new URL(target, 'http://x').pathname, target);
  }
});
