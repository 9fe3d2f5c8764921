// Routes of the simulated LLM API: OpenAI chat completions, Anthropic messages, and the model list.
import type { Route } from '../route.ts';
import { MODEL_IDS } from './model-ids.ts';

// Handlers load with their first request (their schemas pull in zod): see lazy.ts.
const chat = async (ctx: Parameters<Route['handle']>[0]): Promise<void> => {
  const [{ simulate }, { openai }] = await Promise.all([import('./simulate.ts'), import('./openai.ts')]);
  await simulate(ctx, openai);
};
const messages = async (ctx: Parameters<Route['handle']>[0]): Promise<void> => {
  const [{ simulate }, { anthropic }] = await Promise.all([import('./simulate.ts'), import('./anthropic.ts')]);
  await simulate(ctx, anthropic);
};

/** A fixed creation time for the model list, so the answer never changes. */
const CREATED_S = 1_767_225_600;

export const llmRoutes: Route[] = [
  { pattern: /^\/v1\/chat\/completions\/?$/, methods: ['POST'], handle: chat },
  { pattern: /^\/v1\/messages\/?$/, methods: ['POST'], handle: messages },
  {
    // Anthropic's SDK sends anthropic-version; it gets Anthropic's list shape, everyone else OpenAI's.
    pattern: /^\/v1\/models\/?$/,
    methods: ['GET'],
    handle: (ctx) => {
      const body =
        ctx.req.headers['anthropic-version'] !== undefined
          ? {
              data: MODEL_IDS.map((id) => ({ type: 'model', id, display_name: id, created_at: new Date(CREATED_S * 1000).toISOString() })),
              has_more: false,
              first_id: MODEL_IDS[0] ?? null,
              last_id: MODEL_IDS.at(-1) ?? null,
            }
          : { object: 'list', data: MODEL_IDS.map((id) => ({ id, object: 'model', created: CREATED_S, owned_by: 'fanout-bench' })) };
      const text = JSON.stringify(body);
      ctx.res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      ctx.res.end(text);
    },
  },
];
