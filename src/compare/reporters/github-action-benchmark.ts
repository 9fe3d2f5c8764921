// benchmark-action/github-action-benchmark's custom tools: one JSON array per direction,
// [{name, unit, value, range, extra}], fed to the action with tool customSmallerIsBetter /
// customBiggerIsBetter. The action keeps its own history; `extra` carries our verdict.
import type { Direction } from '../../stats/decision.ts';
import type { Comparison, CurrentOnlyMetric, MetricComparison } from '../model.ts';
import { formatCi, formatP } from './format.ts';
import type { ComparisonFileSet } from './reporter.ts';

const entries = (comparison: Comparison, direction: Direction): string =>
  `${JSON.stringify([...comparison.metrics, ...comparison.onlyInCurrent].filter((m) => m.direction === direction).map(entry), null, 2)}\n`;

function entry(m: MetricComparison | CurrentOnlyMetric): { name: string; unit: string; value: number; range: string; extra: string } {
  const versus = 'verdict' in m ? `vs baseline ${round(m.ratio, 4)}× (95% CI ${formatCi(m)}), p=${formatP(m.pValue)}: ${m.verdict}` : 'no baseline';
  return { name: m.id, unit: m.unit, value: round(m.current.value), range: `± ${round(m.current.sd)}`, extra: `n=${m.current.n}; ${versus}` };
}

const round = (value: number, digits = 3): number => Number(value.toFixed(digits));

export const githubActionBenchmarkFiles = {
  name: 'github-action-benchmark',
  description: 'customSmallerIsBetter.json and customBiggerIsBetter.json for benchmark-action/github-action-benchmark',
  files: {
    'customSmallerIsBetter.json': (comparison: Comparison) => entries(comparison, 'lower'),
    'customBiggerIsBetter.json': (comparison: Comparison) => entries(comparison, 'higher'),
  },
} satisfies ComparisonFileSet;
