// Start-up costs of the compiled CLI and its worker threads, as medians of whole-process runs:
// `node -e 0` (the floor), `fanout-bench --help`, `fanout-bench run --help`, and the time from
// `new Worker` to a delay server thread that is listening. Run after `npm run build`.
//   npx tsx scripts/start-times.ts [--runs 11]
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '11' } } });
const runs = Number(values.runs);
const bin = fileURLToPath(new URL('../bin/fanout-bench.js', import.meta.url));
const dist = new URL('../dist/server/thread.js', import.meta.url).href;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

function wallMs(args: string[]): number {
  const start = performance.now();
  execFileSync(process.execPath, args, { stdio: 'ignore' });
  return performance.now() - start;
}

/** A module file for the probe (an --eval string would hand its flags down to the worker). */
function probe(code: string): string {
  const file = join(tmpdir(), `fanout-start-probe-${process.pid}.mjs`);
  writeFileSync(file, code);
  return file;
}

// Interleaved, so drift on a shared machine hits every command alike.
const commands: Record<string, string[]> = {
  'node -e 0': ['-e', '0'],
  'fanout-bench --help': [bin, '--help'],
  'fanout-bench run --help': [bin, 'run', '--help'],
  'delay server thread ready (in a fresh process)': [probe(`const t0 = performance.now(); const { startDelayServerThread } = await import(${JSON.stringify(dist)}); const t1 = performance.now(); const s = await startDelayServerThread(); const t2 = performance.now(); await s.close(); process.stdout.write(JSON.stringify({ importMs: t1 - t0, readyMs: t2 - t1 }));`)],
};
const samples: Record<string, number[]> = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
const threadReady: number[] = [];
for (let i = 0; i < runs; i++) {
  for (const [name, args] of Object.entries(commands)) {
    if (name.startsWith('delay server thread')) {
      const start = performance.now();
      const out = execFileSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] }).toString();
      samples[name]!.push(performance.now() - start);
      threadReady.push((JSON.parse(out) as { readyMs: number }).readyMs);
    } else samples[name]!.push(wallMs(args));
  }
}
for (const [name, xs] of Object.entries(samples)) console.log(`${name.padEnd(48)} median ${median(xs).toFixed(0)} ms  (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)}, n=${xs.length})`);
console.log(`${'worker thread: new Worker → server listening'.padEnd(48)} median ${median(threadReady).toFixed(0)} ms  (min ${Math.min(...threadReady).toFixed(0)}, max ${Math.max(...threadReady).toFixed(0)})`);
