// Strategy rows from several runners: wall samples concatenated and their stats recomputed,
// request and retry counts summed. Per-request percentiles are not kept as samples, so the merged
// p50/p99 are the highest of the runners' (a bound, not an exact figure); max is exact.
import { type SampleStats, type StrategyResult, failedCount } from '../model/records.ts';
import { summarize } from '../stats/median.ts';
import { withSpeedup } from '../suites/strategies/index.ts';
import { matchByKey, requireSame, type Sourced } from './same.ts';

export const rowKey = (row: Pick<StrategyResult, 'fixture' | 'name' | 'concurrency' | 'client'>): string =>
  `${row.fixture}/${row.name}/k=${row.concurrency ?? '-'}/${row.client}`;

/** Stats of wall samples as the model keeps them; rme uses the normal 1.96 (tinybench uses Student's t). */
export function sampleStats(samples: readonly number[]): SampleStats {
  const s = summarize(samples);
  const rme = s.n > 1 && s.mean !== 0 ? ((1.96 * s.sd) / Math.sqrt(s.n) / s.mean) * 100 : 0;
  return { p50: s.median, mean: s.mean, min: s.min, max: s.max, sd: s.sd, rme, samples: [...samples] };
}

export function mergeStrategyRows(runners: ReadonlyArray<Sourced<readonly StrategyResult[]>>): StrategyResult[] {
  const merged = matchByKey('strategy row', runners, rowKey).map(({ key, items }) => {
    requireSame(`strategy row ${key}`, items.map(({ source, value }) => ({ source, value: { requests: value.timeline.map((r) => r.url) } })));
    return mergeRow(items.map((item) => item.value));
  });
  // Speedup is relative to sequential within one URL set and client.
  const groups = new Map<string, Omit<StrategyResult, 'speedup'>[]>();
  for (const row of merged) {
    const key = `${row.fixture}\u0000${row.client}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const bySpeedup = new Map([...groups.values()].flatMap((rows) => withSpeedup(rows)).map((row) => [rowKey(row), row]));
  return merged.map((row) => bySpeedup.get(rowKey(row))!);
}

function mergeRow(rows: readonly StrategyResult[]): Omit<StrategyResult, 'speedup'> {
  const first = rows[0]!;
  const samples = rows.flatMap((row) => row.wallMs.samples);
  const wallMs = sampleStats(samples);
  const sum = (pick: (row: StrategyResult) => number): number => rows.reduce((total, row) => total + pick(row), 0);
  const byOutcome = {
    ok: sum((r) => r.requests.byOutcome.ok),
    'http-error': sum((r) => r.requests.byOutcome['http-error']),
    'network-error': sum((r) => r.requests.byOutcome['network-error']),
    timeout: sum((r) => r.requests.byOutcome.timeout),
  };
  const total = sum((r) => r.requests.total);
  const resilient = rows.every((row) => row.resilience !== undefined);
  const wallTotalMs = samples.reduce((a, b) => a + b, 0);
  return {
    fixture: first.fixture,
    name: first.name,
    concurrency: first.concurrency,
    client: first.client,
    iterations: sum((r) => r.iterations),
    wallMs,
    // The ideal comes from the served delays of one median run: the first runner's stands for all.
    idealMs: first.idealMs,
    overheadMs: wallMs.p50 - first.idealMs,
    requests: { total, ok: byOutcome.ok, failed: failedCount(byOutcome), byOutcome },
    requestLatencyMs: {
      p50: Math.max(...rows.map((r) => r.requestLatencyMs.p50)),
      p99: Math.max(...rows.map((r) => r.requestLatencyMs.p99)),
      max: Math.max(...rows.map((r) => r.requestLatencyMs.max)),
    },
    timeline: first.timeline,
    ...(resilient
      ? {
          resilience: {
            attempts: sum((r) => r.resilience!.attempts),
            retries: sum((r) => r.resilience!.retries),
            timeouts: sum((r) => r.resilience!.timeouts),
            retriesDenied: sum((r) => r.resilience!.retriesDenied),
            okFraction: total > 0 ? byOutcome.ok / total : 0,
            goodputPerSec: wallTotalMs > 0 ? (byOutcome.ok * 1000) / wallTotalMs : 0,
          },
        }
      : {}),
  };
}
