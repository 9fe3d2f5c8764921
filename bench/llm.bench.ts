// Twenty chat completions fanned out through the official openai client, streamed, under a tight
// tokens-per-minute limit on the simulated API: how the SDK's own retries (honouring retry-after-ms)
// and a bounded fan-out cope, with TTFT, inter-token latency, tokens/s, 429s and goodput per row.
// Each run uses an API key of its own, so every run starts with a full bucket.
import { defineBench, type VariantContext } from 'fanout-bench';
import OpenAI from 'openai';
import pLimit from 'p-limit';

const CALLS = 20;
const MAX_TOKENS = 40;

async function chat(client: OpenAI, i: number, signal: AbortSignal): Promise<string> {
  const stream = await client.chat.completions.create(
    { model: 'gpt-4o-mini', messages: [{ role: 'user', content: `Summarise tool result ${i} in one line.` }], max_tokens: MAX_TOKENS, stream: true },
    { signal },
  );
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
  },
});
