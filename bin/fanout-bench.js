#!/usr/bin/env node
// The CLI runs the compiled JavaScript in dist/ (built by `npm run build`, and by `npm ci` through `prepare`).
let main;
try {
  ({ main } = await import('../dist/cli/main.js'));
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist')) throw error;
  process.stderr.write('fanout-bench: the compiled CLI (dist/) is missing; run `npm run build` first\n');
  process.exit(1);
}
process.exitCode = await main(process.argv.slice(2));
