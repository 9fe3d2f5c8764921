// Whether a load point's figures are autocannon's limit rather than the servers': its CPU or event
// loop saturated on either side of the comparison (the delay server's req/s, or the bare one it is divided by).
import type { LoadOutcome } from './model.ts';
import type { GeneratorVerdict } from '../bottleneck.ts';

export function loadGeneratorVerdict(delayServer: LoadOutcome, bare: LoadOutcome): GeneratorVerdict {
  const reasons: string[] = [];
  for (const [name, outcome] of [['delay server', delayServer], ['bare server', bare]] as const) {
    if (outcome.state !== 'measured' || !outcome.generator.saturated) continue;
    const g = outcome.generator;
    reasons.push(`against the ${name}, autocannon used ${Math.round(g.cpuFraction * 100)}% of a core with its event loop ${Math.round(g.eventLoopUtilization * 100)}% busy`);
  }
  return { generatorBound: reasons.length > 0, generatorBoundReason: reasons.length > 0 ? reasons.join('; ') : null };
}
