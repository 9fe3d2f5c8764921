// Threshold results as text and markdown: part of every comparison summary, and on their own
// after a run checked against a config without a baseline.
import type { ThresholdResult } from '../model.ts';
import { failedThresholds, formatValue, thresholdLine } from './format.ts';

export function thresholdsText(results: readonly ThresholdResult[]): string {
  if (results.length === 0) return '';
  const failed = failedThresholds(results).length;
  const head = failed > 0 ? `THRESHOLDS: ${failed} of ${results.length} failed` : `thresholds: all ${results.length} passed`;
  return `${[head, ...results.map((r) => `  ${thresholdLine(r)}`)].join('\n')}\n`;
}

export function thresholdsMarkdown(results: readonly ThresholdResult[]): string {
  if (results.length === 0) return '';
  const failed = failedThresholds(results).length;
  const lines = [
    failed > 0 ? `**Thresholds: ${failed} of ${results.length} failed**` : `Thresholds: all ${results.length} passed`,
    '',
    ...results.map((r) => `- ${r.passed ? '✅' : '❌'} \`${r.metricId ?? r.pattern}\` ${r.metricId ? '' : '(no metric matches) '}\`${r.expression}\`${r.actual === null ? '' : `: actual ${formatActual(r)}`}`),
  ];
  return `${lines.join('\n')}\n`;
}

const formatActual = (r: ThresholdResult): string =>
  r.actual === null ? '–' : r.unit === null ? String(r.actual) : formatValue(r.actual, r.unit);
