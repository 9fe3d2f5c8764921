// An agent's dozen tool calls of mixed latency, three of which fail: the built-in strategies, and the
// code most agents actually ship — global fetch under Promise.all — measured without a wrapper.
import { defineBench } from 'fanout-bench';

export default defineBench({
  name: 'agent',
  fixture: '../fixtures/agent.json',
  strategies: ['sequential', 'all', 'all-settled', 'pool', 'batched'],
  variants: {
    'fetch Promise.all': {
      ideal: 'all',
      run: async ({ urls, signal }) => {
        await Promise.all(urls.map(async (url) => (await fetch(url, { signal })).text()));
      },
    },
  },
});
