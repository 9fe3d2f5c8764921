// Renders an A/B result: which revisions ran in which order, each metric's samples per round and
// side, then the comparison table. Pure: (result) => string.
import { comparisonReporters } from '../compare/reporters/index.ts';
import type { AbResult } from './model.ts';

export function abText(result: AbResult): string {
  const order = result.order.map((run) => (run.revision === 'base' ? 'B' : 'H')).join(' ');
  const lines = [
    `A/B: base ${result.base.ref} (${result.base.commit.slice(0, 12)}) against head (${result.head.commit.slice(0, 12)}${result.head.dirty ? ' + uncommitted changes' : ''})`,
    `${result.rounds} rounds, each side its own process and server, order ${order}; run ${result.runArgs.join(' ') || '(defaults)'}` +
      (result.headArgs.length > 0 ? `; head also ${result.headArgs.join(' ')}` : ''),
  ];
  const ids = [...new Set(result.samples.map((s) => s.metricId))];
  for (const id of ids) {
    lines.push(`  ${id}`);
    for (const revision of ['base', 'head'] as const) {
      const byRound = Array.from({ length: result.rounds }, (_, i) =>
        result.samples
          .filter((s) => s.metricId === id && s.revision === revision && s.round === i + 1)
          .map((s) => s.value.toFixed(2))
          .join(' '),
      );
      lines.push(`    ${revision} ${byRound.map((values, i) => `r${i + 1}: ${values}`).join(' | ')}`);
    }
  }
  if (result.unmatched.baseOnly.length + result.unmatched.headOnly.length > 0) {
    lines.push(`skipped (one side only): ${[...result.unmatched.baseOnly.map((id) => `${id} (base)`), ...result.unmatched.headOnly.map((id) => `${id} (head)`)].join(', ')}`);
  }
  for (const failure of result.harnessFailures) lines.push(`harness failure: ${failure}`);
  return `${lines.join('\n')}\n\n${comparisonReporters.table.render(result.comparison)}`;
}
