// Property test: seeded random bodies and headers at the LLM routes. Every answer is a 200 or a 4xx
// in the provider's error shape; a 5xx is a bug unless it is a marked, injected fault.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Pool } from 'undici';
import { startDelayServer } from '../../../src/server/index.ts';
import { seededRandom, type Random } from '../../../src/stats/random.ts';

const REQUESTS = 600;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

function junk(random: Random, depth = 0): unknown {
  const kinds: Array<() => unknown> = [
    () => Math.floor(random() * 2000) - 100,
    () => random() * 10,
    () => pick(random, ['', 'fast', 'chat', 'reasoning', 'gpt-4o', 'x'.repeat(300), 'é∑😀', 'user', 'assistant', 'system', 'tool']),
    () => pick(random, [true, false, null]),
    () => (depth > 2 ? 1 : Array.from({ length: Math.floor(random() * 3) }, () => junk(random, depth + 1))),
    () => (depth > 2 ? {} : { role: pick(random, ['user', 'assistant', 'system', 'x']), content: junk(random, depth + 1) }),
  ];
  return pick(random, kinds)();
}

function body(random: Random): string {
  if (random() < 0.1) return pick(random, ['', '{', 'null', '[]', '"text"', '{"messages": [}']);
  const fields: Record<string, unknown> = {};
  const plausible = random() < 0.5;
  if (plausible || random() < 0.5) fields.model = plausible ? pick(random, ['fast', 'chat', 'any']) : junk(random);
  if (plausible || random() < 0.5) fields.messages = plausible ? [{ role: 'user', content: 'hello' }] : junk(random);
  for (const name of ['max_tokens', 'max_completion_tokens', 'stream', 'stream_options', 'n', 'tools', 'system', 'temperature']) {
    if (random() < 0.3) fields[name] = name === 'max_tokens' && plausible ? Math.floor(random() * 20) : junk(random);
  }
  return JSON.stringify(fields);
}

test(`fuzz: ${REQUESTS} random LLM requests — 200 or a 4xx in the provider's shape, no unasked-for 5xx`, async () => {
  const server = await startDelayServer({ timeScale: 0.0005, seed: 3, maxBodyBytes: 4096, llm: { rpm: 400, presets: { chat: { batchCapacity: 2, maxQueue: 2 } } } });
  const pool = new Pool(server.url, { connections: 8 });
  const random = seededRandom(20261202);
  const bugs: string[] = [];
  const statuses = new Map<number, number>();
  try {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < REQUESTS) {
        next += 1;
        const path = pick(random, ['/v1/chat/completions', '/v1/messages']);
        const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer k${Math.floor(random() * 3)}` };
        if (random() < 0.1) headers['x-fanout-llm-params'] = pick(random, ['itlMs=1', 'itlMs=-1', 'nope=1', 'ttftSigma=abc', ',', 'fixedOutputTokens=3']);
        if (random() < 0.1) headers['x-fanout-llm-fault'] = pick(random, ['error@2', 'stall@1:10', 'boom', 'error@1:5', 'error']);
        const text = body(random);
        try {
          const res = await pool.request({ path, method: 'POST', headers, body: text });
          const answer = await res.body.text();
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          const injected = res.headers['x-fanout-fault'] !== undefined;
          if (res.statusCode >= 500 && !injected) bugs.push(`${path} ${text.slice(0, 80)} → ${res.statusCode}`);
          if (res.statusCode >= 400 && res.statusCode < 500) {
            const error = JSON.parse(answer) as Record<string, unknown>;
            const shaped = path === '/v1/messages' ? error.type === 'error' && typeof (error.error as { type?: unknown }).type === 'string' : typeof (error.error as { message?: unknown }).message === 'string';
            if (!shaped) bugs.push(`${path} ${text.slice(0, 80)} → ${res.statusCode} in the wrong shape: ${answer.slice(0, 80)}`);
          }
        } catch (error) {
          bugs.push(`${path} ${text.slice(0, 80)} → ${String((error as { code?: string }).code ?? error)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
  } finally {
    await pool.close();
    await server.close();
  }
  assert.deepEqual(bugs.slice(0, 5), [], `${bugs.length} unexpected answers`);
  assert.ok((statuses.get(200) ?? 0) > 20 && (statuses.get(400) ?? 0) > 100, JSON.stringify([...statuses]));
});
