// What people use instead of writing a pool: the limiters real code reaches for, each bounding the
// agent's dozen tool calls to 3 at a time with global fetch, beside the built-in pool(3). Each declares
// the schedule it promises ({ pool: 3 }), so its wall time is held to the same exact ideal.
import { mapLimit } from 'async';
import Bottleneck from 'bottleneck';
import { defineBench, type VariantContext } from 'fanout-bench';
import pLimit from 'p-limit';
import pMap from 'p-map';
import PQueue from 'p-queue';

const K = 3;
const call = async (url: string, signal: AbortSignal): Promise<string> => (await fetch(url, { signal })).text();

export default defineBench({
  name: 'limiters',
  description: 'p-limit, p-map, p-queue, bottleneck and async.mapLimit at k = 3 over the agent tool calls',
  fixture: '../fixtures/agent.json',
  strategies: ['pool'],
  concurrency: [K],
  variants: {
    'p-limit': {
      ideal: { pool: K },
      run: async ({ urls, signal }: VariantContext) => {
        const limit = pLimit(K);
        await Promise.all(urls.map((url) => limit(() => call(url, signal))));
      },
    },
    'p-map': {
      ideal: { pool: K },
      run: async ({ urls, signal }: VariantContext) => {
        await pMap(urls, (url) => call(url, signal), { concurrency: K });
      },
    },
    'p-queue': {
      ideal: { pool: K },
      run: async ({ urls, signal }: VariantContext) => {
        const queue = new PQueue({ concurrency: K });
        await Promise.all(urls.map((url) => queue.add(() => call(url, signal))));
      },
    },
    bottleneck: {
      ideal: { pool: K },
      run: async ({ urls, signal }: VariantContext) => {
        const limiter = new Bottleneck({ maxConcurrent: K });
        await Promise.all(urls.map((url) => limiter.schedule(() => call(url, signal))));
      },
    },
    'async.mapLimit': {
      ideal: { pool: K },
      run: async ({ urls, signal }: VariantContext) => {
        await mapLimit(urls, K, async (url: string) => call(url, signal));
      },
    },
  },
});
