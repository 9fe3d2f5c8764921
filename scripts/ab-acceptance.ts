// Measures `fanout-bench ab` on this machine at the bench workflow's settings: false alarms over
// unchanged A/B runs (head = base's code) and how often a known slowdown of the head side is caught.
// The slowdown is injected with --head-args "--time-scale S×(1+p)": the server's delays grow by p.
//
//   npx tsx scripts/ab-acceptance.ts --base HEAD --base-dir /tmp/fanout-ab-base [--runs 20]
//       [--slowdowns 0,10,20] [--time-scale 0.02] [--rounds 4] [--iterations 5]
//
// Slowdowns are interleaved run by run (0 %, 10 %, 20 %, 0 %, …) so machine drift hits each alike.
// Bounded: runs × slowdowns ab runs, each rounds × 2 processes. Prints one line per ab run, then totals.
import { spawn } from 'node:child_process';
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { AbResult } from '../src/ab/model.ts';

const { values } = parseArgs({
  options: {
    base: { type: 'string', default: 'HEAD' },
    'base-dir': { type: 'string' },
    runs: { type: 'string', default: '20' },
    slowdowns: { type: 'string', default: '0,10,20' },
    'time-scale': { type: 'string', default: '0.02' },
    rounds: { type: 'string', default: '4' },
    iterations: { type: 'string', default: '5' },
  },
});
const runs = Number(values.runs);
const slowdownsPct = values.slowdowns.split(',').map(Number);
const timeScale = Number(values['time-scale']);
const runArgs = ['--suite', 'strategies', '--urls', 'fixtures/lesson.json', '--time-scale', String(timeScale), '--iterations', values.iterations, '--warmup', '1'];

function ab(slowdownPct: number, out: string): Promise<{ code: number | null; result: AbResult | null }> {
  const headArgs = slowdownPct === 0 ? [] : ['--head-args', `--time-scale ${(timeScale * (1 + slowdownPct / 100)).toPrecision(6)}`];
  const args = ['bin/fanout-bench.js', 'ab', '--base', values.base, ...(values['base-dir'] ? ['--base-dir', values['base-dir']] : []), '--rounds', values.rounds, '--format', 'json', '--out', out, ...headArgs, ...runArgs];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, CI: 'true' } });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      let result: AbResult | null = null;
      try {
        result = JSON.parse(stdout) as AbResult;
      } catch {
        result = null;
      }
      resolve({ code, result });
    });
  });
}

const flagged = new Map<number, number>(slowdownsPct.map((p) => [p, 0]));
const done = new Map<number, number>(slowdownsPct.map((p) => [p, 0]));
const ratios = new Map<number, number[]>(slowdownsPct.map((p) => [p, []]));
console.log(`ab acceptance: ${runs} runs × slowdowns ${slowdownsPct.join(',')} %; ${runArgs.join(' ')} --rounds ${values.rounds}; ${os.cpus().length} cpus; load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
for (let run = 1; run <= runs; run++) {
  for (const pct of slowdownsPct) {
    const startedMs = performance.now();
    const { code, result } = await ab(pct, `/tmp/fanout-ab-acceptance/${pct}`);
    const regressed = result?.comparison.metrics.filter((m) => m.verdict === 'regressed').map((m) => m.id.split('/')[2]) ?? [];
    const runRatios = result?.comparison.metrics.map((m) => m.ratio) ?? [];
    ratios.get(pct)!.push(...runRatios);
    done.set(pct, done.get(pct)! + 1);
    if (code === 1) flagged.set(pct, flagged.get(pct)! + 1);
    console.log(
      `run ${run} +${pct}%: exit ${code}; regressed [${regressed.join(',')}]; median ratios ${runRatios.map((r) => r.toFixed(3)).join(' ')}; ` +
        `${((performance.now() - startedMs) / 1000).toFixed(0)} s; load ${os.loadavg()[0]!.toFixed(1)}`,
    );
  }
}
for (const pct of slowdownsPct) {
  const r = [...ratios.get(pct)!].sort((a, b) => a - b);
  const mid = r.length > 0 ? r[Math.floor(r.length / 2)]!.toFixed(3) : '–';
  console.log(`+${pct}% delays: exit 1 in ${flagged.get(pct)} of ${done.get(pct)} ab runs (median head/base wall ratio over rows ${mid})`);
}
