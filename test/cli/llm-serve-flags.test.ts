// `serve --llm-*` flags: parsed into the server's llm options; bad values name the flag; a served 429 follows --llm-rpm.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLlmServeFlags } from '../../src/cli/llm-flags.ts';
import { serveCommand } from '../../src/cli/serve-command.ts';
import { InputError } from '../../src/util/input-error.ts';
import { captureIO } from './capture-io.ts';

test('--llm-rpm, --llm-tpm, --llm-preset, --llm-max-tokens become the llm options', () => {
  assert.deepEqual(parseLlmServeFlags({}), { rpm: 0, tpm: 0, preset: 'chat', maxOutputTokens: 8192 });
  assert.deepEqual(parseLlmServeFlags({ 'llm-rpm': '60', 'llm-tpm': '30000', 'llm-preset': 'fast', 'llm-max-tokens': '512' }), {
    rpm: 60, tpm: 30000, preset: 'fast', maxOutputTokens: 512,
  });
  const bad: Array<[Record<string, string>, RegExp]> = [
    [{ 'llm-rpm': '-1' }, /^--llm-rpm: expected a whole number ≥ 0, got "-1"$/],
    [{ 'llm-tpm': 'lots' }, /^--llm-tpm: expected a whole number/],
    [{ 'llm-preset': 'huge' }, /^--llm-preset: expected one of fast, chat, reasoning, got "huge"$/],
    [{ 'llm-max-tokens': '0' }, /^--llm-max-tokens: expected a positive integer/],
  ];
  for (const [values, message] of bad) assert.throws(() => parseLlmServeFlags(values), (e: unknown) => e instanceof InputError && message.test(e.message));
});

test('serve with --llm-rpm 1 answers the second call of a key with 429 rate_limit_exceeded', async () => {
  const captured = captureIO();
  const stop = new AbortController();
  captured.io.signal = stop.signal;
  const running = serveCommand(['--llm-rpm', '1', '--llm-preset', 'fast', '--time-scale', '0.01'], captured.io);
  let url = '';
  for (let i = 0; i < 200 && url === ''; i++) {
    url = /listening on (\S+)/.exec(captured.stdout())?.[1] ?? '';
    if (url === '') await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const call = () =>
    fetch(`${url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: 'Bearer one', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'any', messages: [{ role: 'user', content: 'hi' }], max_tokens: 3 }),
    });
  try {
    const first = await call();
    assert.equal(first.status, 200);
    const body = (await first.json()) as { usage: { completion_tokens: number } };
    assert.ok(body.usage.completion_tokens <= 3);
    const second = await call();
    assert.equal(second.status, 429);
    assert.equal(((await second.json()) as { error: { code: string } }).error.code, 'rate_limit_exceeded');
    assert.equal(second.headers.get('x-ratelimit-limit-requests'), '1');
  } finally {
    stop.abort();
    assert.equal(await running, 0);
  }
});
