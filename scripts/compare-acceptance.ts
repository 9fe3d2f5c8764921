// Measures how `compare` behaves on this machine: the false-positive rate over consecutive unchanged
// runs, and the detection rate of slowdowns made through the delay server's time scale.
//
//   npx tsx scripts/compare-acceptance.ts [--runs 21] [--slowdowns 2,5,10] [--time-scale 0.02]
//       [--iterations 10] [--threshold 5] [-- extra run flags, e.g. --urls fixtures/agent.json]
//
// Each round measures one unchanged run, then one run per slowdown; every slowed run is compared
// with that round's unchanged run, and each unchanged run with the previous one. Bounded: runs ×
// (1 + slowdowns) runs in all.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { parseRunFlags } from '../src/cli/run-command.ts';
import { compareReports } from '../src/compare/compare.ts';
import type { Comparison } from '../src/compare/model.ts';
import type { Report } from '../src/model/report.ts';
import { runBench } from '../src/run/run-bench.ts';
import { median } from '../src/stats/median.ts';

const { values, positionals } = parseArgs({
  options: {
    runs: { type: 'string', default: '21' },
    slowdowns: { type: 'string', default: '2,5,10' },
    'time-scale': { type: 'string', default: '0.02' },
    iterations: { type: 'string', default: '10' },
    threshold: { type: 'string', default: '5' },
  },
  allowPositionals: true,
});
const runs = Number(values.runs);
const slowdownsPct = values.slowdowns.split(',').map(Number);
const timeScale = Number(values['time-scale']);
const threshold = Number(values.threshold) / 100;
const extra = positionals.length > 0 ? positionals : ['--urls', 'fixtures/lesson.json', '--strategies', 'sequential,all'];
const runFlags = ['--suite', 'strategies', '--iterations', values.iterations, '--warmup', '1', ...extra];
const options = await parseRunFlags(runFlags);
if (options === 'help') throw new Error('unexpected --help');

const measure = async (scale: number): Promise<Report> => runBench({ ...options, timeScale: scale });
const compare = (a: Report, b: Report): Comparison =>
  compareReports({ report: a, source: 'a' }, { report: b, source: 'b' }, { threshold });

interface Tally {
  compares: number;
  /** Compares with at least one metric not unchanged (for slowdowns: at least one regressed). */
  flagged: number;
  metrics: number;
  metricHits: number;
  ratios: number[];
  /** How often each metric id was hit. */
  hitsById: Map<string, number>;
}
const tally = (): Tally => ({ compares: 0, flagged: 0, metrics: 0, metricHits: 0, ratios: [], hitsById: new Map() });
const unchanged = tally();
const slowed = new Map(slowdownsPct.map((pct) => [pct, tally()]));
const rmes: number[] = [];
const loads: number[] = [];

const started = performance.now();
let previous: Report | null = null;
for (let round = 0; round < runs; round++) {
  loads.push(os.loadavg()[0] ?? 0);
  const base = await measure(timeScale);
  rmes.push(...base.strategies.map((row) => row.wallMs.rme));
  if (previous) count(unchanged, compare(previous, base), (m) => m.verdict !== 'unchanged');
  for (const pct of slowdownsPct) {
    const current = await measure(timeScale * (1 + pct / 100));
    count(slowed.get(pct)!, compare(base, current), (m) => m.verdict === 'regressed');
  }
  previous = base;
  process.stderr.write(`\rround ${round + 1}/${runs}`);
}
process.stderr.write('\n');

function count(t: Tally, c: Comparison, hit: (m: Comparison['metrics'][number]) => boolean): void {
  t.compares++;
  if (c.metrics.some(hit)) t.flagged++;
  t.metrics += c.metrics.length;
  for (const m of c.metrics.filter(hit)) {
    t.metricHits++;
    t.hitsById.set(m.id, (t.hitsById.get(m.id) ?? 0) + 1);
  }
  t.ratios.push(...c.metrics.map((m) => m.ratio));
}

const pct = (n: number, d: number): string => `${d === 0 ? '–' : ((100 * n) / d).toFixed(0)}%`;
const line = (label: string, t: Tally, what: string): string =>
  `${label.padEnd(22)} ${what} in ${t.flagged}/${t.compares} compares (${pct(t.flagged, t.compares)}), ` +
  `${t.metricHits}/${t.metrics} metrics (${pct(t.metricHits, t.metrics)}); median ratio ${median(t.ratios).toFixed(3)}`;

console.log(`fanout-bench compare acceptance: ${runFlags.join(' ')} --time-scale ${timeScale}; threshold ${threshold * 100}%, α 0.05`);
console.log(`${runs} rounds in ${((performance.now() - started) / 1000).toFixed(0)} s; load average during the rounds: median ${median(loads).toFixed(2)}, max ${Math.max(...loads).toFixed(2)} on ${os.availableParallelism()} cores; median row rme ±${median(rmes).toFixed(1)}%`);
console.log(line('unchanged (false +)', unchanged, 'flagged'));
for (const [id, hits] of unchanged.hitsById) console.log(`  false + ${hits}× ${id}`);
for (const [p, t] of slowed) console.log(line(`+${p}% time scale`, t, 'regressed'));
