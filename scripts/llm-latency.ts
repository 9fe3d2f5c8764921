// What the simulated LLM API's presets produce, measured on the client with the pure stream metrics:
// TTFT, inter-token latency and E2E medians for a 200-token answer per preset (one call at a time,
// presets side by side), then how TTFT grows with concurrent calls on one model.
//
//   npx tsx scripts/llm-latency.ts [--time-scale 1] [--calls 8] [--preset chat]
import { parseArgs } from 'node:util';
import { streamMetrics, type StreamMetrics } from '../src/llm/metrics.ts';
import type { TimedChunk } from '../src/llm/sse.ts';
import { tokenStream } from '../src/llm/tokens.ts';
import { startDelayServer } from '../src/server/index.ts';
import { PRESET_NAMES, isPresetName } from '../src/server/llm/presets.ts';
import { quantile } from '../src/stats/percentile.ts';

const { values } = parseArgs({
  options: { 'time-scale': { type: 'string', default: '1' }, calls: { type: 'string', default: '8' }, preset: { type: 'string', default: 'chat' } },
});
const timeScale = Number(values['time-scale']);
const calls = Number(values.calls);
const loadPreset = values.preset;
if (!(timeScale > 0) || !(calls >= 1) || !isPresetName(loadPreset)) {
  console.error('usage: llm-latency.ts [--time-scale F>0] [--calls N>=1] [--preset fast|chat|reasoning]');
  process.exit(2);
}

const server = await startDelayServer({ timeScale, seed: 1, requestTimeoutMs: 600_000 });
let nextId = 0;

/** One streamed chat completion; its chunks are stamped on arrival and handed to the pure metrics. */
async function call(model: string, outputTokens: number): Promise<StreamMetrics> {
  const sendMs = performance.now();
  const res = await fetch(`${server.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-fanout-request-id': `latency:${nextId++}.0`, 'x-fanout-llm-params': `fixedOutputTokens=${outputTokens}` },
    body: JSON.stringify({ model, messages: [{ role: 'user', content: 'Explain tail latency in fan-out calls. '.repeat(10) }], max_tokens: outputTokens, stream: true }),
  });
  const chunks: TimedChunk[] = [];
  for await (const data of res.body as AsyncIterable<Uint8Array>) chunks.push({ data, atMs: performance.now() });
  const stream = tokenStream('openai', chunks);
  if (stream.tokenTimesMs.length !== outputTokens || stream.usageTokens !== null) throw new Error(`expected ${outputTokens} tokens, counted ${stream.tokenTimesMs.length}`);
  return streamMetrics(sendMs, stream);
}

const ms = (value: number): string => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
const median = (values: number[]): number => quantile(values, 0.5);

console.log(`time scale ${timeScale}; ${calls} calls per preset, one at a time, presets side by side; 200-token answers\n`);
const perPreset = await Promise.all(
  PRESET_NAMES.map(async (preset) => {
    const results: StreamMetrics[] = [];
    for (let i = 0; i < calls; i++) results.push(await call(preset, 200));
    return { preset, results };
  }),
);
console.log('preset      TTFT p50   ITL p50   ITL p99   TPOT p50   E2E p50    tokens/s p50');
for (const { preset, results } of perPreset) {
  const itl = results.flatMap((r) => r.itlMs);
  console.log(
    [
      preset.padEnd(10),
      ms(median(results.map((r) => r.ttftMs!))).padStart(9),
      ms(median(itl)).padStart(9),
      ms(quantile(itl, 0.99)).padStart(9),
      ms(median(results.map((r) => r.tpotMs!))).padStart(9),
      ms(median(results.map((r) => r.e2eMs!))).padStart(10),
      median(results.map((r) => r.outputTokensPerSec!)).toFixed(1).padStart(10),
    ].join('  '),
  );
}

/** Each level runs rounds of N calls at once until it has at least this many TTFT samples. */
const MIN_SAMPLES = 16;
console.log(`\nTTFT under load: '${loadPreset}' preset, N calls at once (rounds until ≥ ${MIN_SAMPLES} samples), 50-token answers`);
console.log('N     TTFT p50   TTFT p90   TTFT max');
for (const n of [1, 8, 32, 64]) {
  const ttft: number[] = [];
  for (let round = 0; round * n < MIN_SAMPLES; round++) {
    const results = await Promise.all(Array.from({ length: n }, () => call(loadPreset, 50)));
    ttft.push(...results.map((r) => r.ttftMs!));
  }
  console.log(`${String(n).padEnd(4)}  ${ms(median(ttft)).padStart(9)}  ${ms(quantile(ttft, 0.9)).padStart(9)}  ${ms(Math.max(...ttft)).padStart(9)}`);
}
await server.close();
