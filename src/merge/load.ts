// Load sections from several runners that loaded the same target at the same time: request and
// byte rates add, latency histograms are added, and each point keeps the busiest generator's load.
import type { LoadMeasurement, LoadOutcome, LoadPoint, LoadSection } from '../suites/load/model.ts';
import { addHistograms } from './histograms.ts';
import { matchByKey, requireSame, type Sourced } from './same.ts';

export function mergeLoadSections(sections: ReadonlyArray<Sourced<LoadSection>>): LoadSection {
  requireSame('the load section', sections.map(({ source, value: { points: _points, ...settings } }) => ({ source, value: settings })));
  const points = matchByKey('load point', sections.map(({ source, value }) => ({ source, value: value.points })), (p) => `${p.endpoint} c=${p.connections}`);
  return { ...sections[0]!.value, points: points.map(({ items }) => mergePoint(items.map((item) => item.value), items.map((item) => item.source))) };
}

function mergePoint(points: readonly LoadPoint[], sources: readonly string[]): LoadPoint {
  // Each runner's pair ratios compare its own runs: they do not combine into the merged point's.
  const { pairRatios: _pairRatios, pairRatioMedian: _pairRatioMedian, pairCpuRatios: _pairCpuRatios, pairCpuRatioMedian: _pairCpuRatioMedian, ...first } = points[0]!;
  const delayServer = mergeOutcomes(points.map((p) => p.delayServer), sources);
  const bare = mergeOutcomes(points.map((p) => p.bare), sources);
  const rate = (outcome: LoadOutcome): number | null => (outcome.state === 'measured' ? outcome.requestsPerSec : null);
  const delayRate = rate(delayServer);
  const bareRate = rate(bare);
  // Little's limit is per runner (its own connections); N runners together may reach N times it.
  const limit = first.littleLimitPerSec === null ? null : first.littleLimitPerSec * points.length;
  return {
    ...first,
    delayServer,
    bare,
    littleEfficiency: limit !== null && delayRate !== null ? delayRate / limit : null,
    serverRatio: delayRate !== null && bareRate !== null && bareRate > 0 ? delayRate / bareRate : null,
  };
}

function mergeOutcomes(outcomes: readonly LoadOutcome[], sources: readonly string[]): LoadOutcome {
  const failed = outcomes.findIndex((o) => o.state === 'failed');
  if (failed >= 0) {
    const outcome = outcomes[failed]!;
    return { state: 'failed', error: `${sources[failed]}: ${outcome.state === 'failed' ? outcome.error : ''}` };
  }
  return mergeMeasurements(outcomes as readonly LoadMeasurement[]);
}

/** Runners ran concurrently: rates and counts add, the duration is the longest runner's. */
export function mergeMeasurements(runs: readonly LoadMeasurement[]): LoadMeasurement {
  const sum = (pick: (run: LoadMeasurement) => number): number => runs.reduce((total, run) => total + pick(run), 0);
  const max = (pick: (run: LoadMeasurement) => number): number => Math.max(...runs.map(pick));
  const histogram = addHistograms(runs.map((run) => run.latencyHistogram), 1);
  const completed = sum((run) => run.completed);
  const serverCpuUs = sum((run) => (run.serverCpuUsPerRequest ?? 0) * run.completed);
  return {
    state: 'measured',
    durationS: max((run) => run.durationS),
    completed,
    sent: sum((run) => run.sent),
    requestsPerSec: sum((run) => run.requestsPerSec),
    bytesPerSec: sum((run) => run.bytesPerSec),
    latencyMs: histogram.summary,
    latencyHistogram: histogram.encoded,
    errors: sum((run) => run.errors),
    timeouts: sum((run) => run.timeouts),
    non2xx: sum((run) => run.non2xx),
    serverCpuUsPerRequest: completed > 0 ? serverCpuUs / completed : null,
    generator: {
      cpuFraction: max((run) => run.generator.cpuFraction),
      eventLoopUtilization: max((run) => run.generator.eventLoopUtilization),
      eventLoopDelayP99Ms: max((run) => run.generator.eventLoopDelayP99Ms),
      saturated: runs.some((run) => run.generator.saturated),
    },
  };
}
