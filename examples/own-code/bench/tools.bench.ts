// The tool calls our agent makes per user turn, as the agent really makes them: global fetch, four
// calls, bounded to two at a time with p-limit. fanout-bench records every request without a wrapper.
import { defineBench } from 'fanout-bench';
import pLimit from 'p-limit';

export default defineBench({
  name: 'tools',
  description: 'the tool calls our agent makes per user turn',
  urls: ['/delay/2', '/delay/1', '/get', '/status/404'],
  variants: {
    'promise-all': {
      ideal: 'all',
      run: async ({ urls, signal }) => {
        await Promise.all(urls.map(async (url) => (await fetch(url, { signal })).text()));
      },
    },
    'p-limit(2)': {
      ideal: { pool: 2 },
      run: async ({ urls, signal }) => {
        const limit = pLimit(2);
        await Promise.all(urls.map((url) => limit(async () => (await fetch(url, { signal })).text())));
      },
    },
  },
  // The built-ins, for comparison in the same table.
  strategies: ['sequential', 'all', 'pool'],
  concurrency: [2],
});
