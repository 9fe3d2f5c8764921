// Twenty chat completions fanned out through the official openai client, streamed, under a tight
// tokens-per-minute limit on the simulated API: how the SDK's own retries (honouring retry-after-ms)
// and a bounded fan-out cope, with TTFT, inter-token latency, tokens/s, 429s and goodput per row; then
// fanout-bench's fan-out helpers around the same calls: a rate-limit-aware pool, AIMD, hedging.
// Each run uses an API key of its own, so every run starts with a full bucket. Priced at gpt-4o-mini's
// list price, so each row shows its cost and the cost of its waste (a hedge's cancelled loser, say).
import { aimdPool, defineBench, hedged, LatencyHistory, rateLimitAwarePool, type VariantContext } from 'fanout-bench';
import OpenAI from 'openai';
import pLimit from 'p-limit';

const CALLS = 20;
const MAX_TOKENS = 40;

const prompt = (i: number): string => `Summarise tool result ${i} in one line.`;
// What one call reserves from the token bucket: the server's prompt estimate (characters ÷ 4) + max_tokens.
const TOKENS_PER_CALL = MAX_TOKENS + Math.ceil(prompt(99).length / 4) + 1;

/** One streamed call; `onHeaders` sees the answer's headers (rate-limit state) before its tokens. */
async function chat(client: OpenAI, i: number, signal: AbortSignal, onHeaders?: (headers: Headers) => void): Promise<string> {
  const { data: stream, response } = await client.chat.completions
    .create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: prompt(i) }], max_tokens: MAX_TOKENS, stream: true, stream_options: { include_usage: true } }, { signal })
    .withResponse();
  onHeaders?.(response.headers);
  let text = '';
  for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
  return text;
}

const client = ({ baseUrl, iteration }: VariantContext, name: string, maxRetries: number): OpenAI =>
  new OpenAI({ baseURL: `${baseUrl}/v1`, apiKey: `bench-${name}-${iteration}`, maxRetries });

const calls = (context: VariantContext, name: string, maxRetries: number) => {
  const openai = client(context, name, maxRetries);
  return Array.from({ length: CALLS }, (_, i) => () => chat(openai, i, context.signal));
};

export default defineBench({
  name: 'llm',
  description: 'twenty streamed chat calls through the openai client under a tight tokens-per-minute limit',
  urls: ['/v1/chat/completions'],
  server: { timeScale: 0.1, llm: { tpm: 600, preset: 'fast' } },
  // USD per million tokens (OpenAI's list price for gpt-4o-mini); include_usage above reports the prompt's tokens.
  prices: { 'gpt-4o-mini': { inputPerMTok: 0.15, outputPerMTok: 0.6 } },
  variants: {
    // The SDK's defaults: two retries, waiting what retry-after-ms says.
    'openai all, sdk retries': async (context) => {
      await Promise.allSettled(calls(context, 'retries', 2).map((call) => call()));
    },
    // No retries: every 429 is a lost call.
    'openai all, no retries': async (context) => {
      await Promise.allSettled(calls(context, 'none', 0).map((call) => call()));
    },
    // Bounded: four at a time stays under the limit more often.
    'openai p-limit(4)': async (context) => {
      const limit = pLimit(4);
      await Promise.allSettled(calls(context, 'limit', 2).map((call) => limit(call)));
    },
    // fanout-bench's helpers (the SDK's retries off: the helper retries 429s itself).
    // Reads x-ratelimit-remaining/reset-tokens and holds back starts until the bucket has refilled.
    'rate-limit-aware pool(4)': async (context) => {
      const openai = client(context, 'aware', 0);
      const tasks = Array.from({ length: CALLS }, (_, i) => ({ report }: { report: (headers: Headers) => void }) => chat(openai, i, context.signal, report));
      await rateLimitAwarePool(tasks, { concurrency: 4, tokensPerTask: TOKENS_PER_CALL, maxRetries: 3 });
    },
    // Finds the concurrency the quota allows: +1 per success, halved on a 429.
    'aimd pool(4, 1..20)': async (context) => {
      const openai = client(context, 'aimd', 0);
      const tasks = Array.from({ length: CALLS }, (_, i) => () => chat(openai, i, context.signal));
      await aimdPool(tasks, { initial: 4, min: 1, max: 20, increase: 1, decrease: 0.5, maxRetries: 3 });
    },
    // A duplicate of a call slower than the p90 so far, the loser aborted, inside the rate-limit-aware
    // pool: requests per run beyond the twenty calls and the pool's retried 429s are the hedges (waste).
    'hedged p90 in rate-limit-aware pool(4)': async (context) => {
      const openai = client(context, 'hedged', 0);
      const history = new LatencyHistory();
      const tasks = Array.from({ length: CALLS }, (_, i) => async ({ report }: { report: (headers: Headers) => void }) =>
        (await hedged((signal) => chat(openai, i, AbortSignal.any([context.signal, signal]), report), { afterQuantile: 0.9, history, minSamples: 4, maxHedges: 1 })).value,
      );
      await rateLimitAwarePool(tasks, { concurrency: 4, tokensPerTask: TOKENS_PER_CALL, maxRetries: 3 });
    },
  },
});
