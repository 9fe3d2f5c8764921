// Prices end to end: a bench file's own table, `run --prices FILE` winning per model, the cost in the
// report and the LLM table, a model without a price named; no price table, no cost column.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { main } from '../../../src/cli/main.ts';
import { parseReport } from '../../../src/model/schema.ts';
import { captureIO } from '../../cli/capture-io.ts';

let dir = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fanout-llm-cost-'));
  // Three streamed answers a run, one model each; fixed lengths, no jitter: every run costs the same.
  await writeFile(
    join(dir, 'priced.bench.mjs'),
    `const params = 'fixedOutputTokens=5,itlMs=1,itlSigma=0,ttftOverheadMs=1,ttftSigma=0,tailProbability=0,stallProbability=0,prefillMsPerToken=0';
export default {
  name: 'priced',
  urls: ['/v1/chat/completions'],
  prices: { 'gpt-4o-mini': { inputPerMTok: 1, outputPerMTok: 2 }, fast: { inputPerMTok: 100, outputPerMTok: 100 } },
  variants: {
    'three models': async ({ urls, signal }) => {
      for (const model of ['gpt-4o-mini', 'fast', 'o3']) {
        const body = { model, max_tokens: 8, stream: true, stream_options: { include_usage: true }, messages: [{ role: 'user', content: 'Say five words.' }] };
        const res = await fetch(urls[0], { method: 'POST', headers: { 'content-type': 'application/json', 'x-fanout-llm-params': params }, body: JSON.stringify(body), signal });
        await res.text();
      }
    },
  },
};
`,
  );
  await writeFile(join(dir, 'prices.json'), JSON.stringify({ fast: { inputPerMTok: 10, outputPerMTok: 20 } }));
});
after(() => rm(dir, { recursive: true, force: true }));

async function run(extra: string[], out: string) {
  const io = captureIO();
  const code = await main(['run', join(dir, 'priced.bench.mjs'), '--suite', 'strategies', '--iterations', '2', '--warmup', '0', '--time-scale', '0.1', '--out', join(dir, out), ...extra], io.io);
  assert.equal(code, 0, io.stderr());
  const report = parseReport(JSON.parse(await readFile(join(dir, out, 'latest.json'), 'utf8')), out);
  const row = report.strategies.find((r) => r.name === 'three models');
  assert.ok(row?.llm, 'the row streamed answers');
  return { row, llm: row.llm, stdout: io.stdout() };
}

test('the bench’s prices, --prices winning per model: cost per run and in total, the unpriced model named', async () => {
  const { row, llm, stdout } = await run(['--prices', join(dir, 'prices.json')], 'priced');
  const cost = llm.cost;
  assert.ok(cost);
  assert.deepEqual(cost.prices, { 'gpt-4o-mini': { inputPerMTok: 1, outputPerMTok: 2 }, fast: { inputPerMTok: 10, outputPerMTok: 20 } });
  assert.deepEqual([cost.unpricedModels, cost.unpricedRequests, cost.inputUnknownRequests], [['o3'], 2, 0]);
  // From the median run's own records: each answer's reported prompt tokens and 5 output tokens.
  const byModel = new Map(row.timeline.map((r) => [r.stream?.model, r.stream]));
  const input = (model: string): number => byModel.get(model)?.inputTokens ?? Number.NaN;
  assert.deepEqual([byModel.get('gpt-4o-mini')?.outputTokens, byModel.get('gpt-4o-mini')?.outputTokensFrom], [5, 'usage']);
  const perRunUsd = (input('gpt-4o-mini') * 1 + 5 * 2 + input('fast') * 10 + 5 * 20) / 1e6;
  assert.ok(Math.abs(cost.perRunUsd - perRunUsd) < 1e-15, `${cost.perRunUsd} ≠ ${perRunUsd}`);
  assert.ok(Math.abs(cost.totalUsd - 2 * perRunUsd) < 1e-15);
  assert.match(stdout, /cost\/run \(total\)/);
  // Nothing was cut or cancelled: no waste, priced at zero because it is zero.
  assert.deepEqual([llm.wastedRequests, llm.wastedOutputTokens, cost.wastedUsd], [0, 0, 0]);
  assert.match(stdout, /wasted: answers, out\/in tok, \$/);
  assert.match(stdout, /‡ priced\/three models \(variant\): 2 answers left out of the cost \(no price for o3\)/);
});

test('no price table: no cost in the report and no cost column', async () => {
  await writeFile(join(dir, 'unpriced.bench.mjs'), (await readFile(join(dir, 'priced.bench.mjs'), 'utf8')).replace(/ {2}prices: .*\n/, '').replace("name: 'priced'", "name: 'unpriced'"));
  const io = captureIO();
  const code = await main(['run', join(dir, 'unpriced.bench.mjs'), '--suite', 'strategies', '--iterations', '1', '--warmup', '0', '--time-scale', '0.1', '--out', join(dir, 'unpriced')], io.io);
  assert.equal(code, 0, io.stderr());
  const report = parseReport(JSON.parse(await readFile(join(dir, 'unpriced', 'latest.json'), 'utf8')), 'unpriced');
  assert.ok(report.strategies[0]?.llm);
  assert.equal(report.strategies[0]?.llm?.cost, undefined);
  assert.doesNotMatch(io.stdout(), /cost\/run/);
  assert.match(io.stdout(), /wasted: answers, out\/in tok │/, 'the waste column stays, without dollars');
});
