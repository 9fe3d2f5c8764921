// Where the open loop stops keeping up: the rule is data (KNEE_RULE), the verdict a list of reasons.
import type { OpenStep } from '../../model-open.ts';

export interface KneeRule {
  p99Factor: number;
  dropFraction: number;
  failFraction: number;
}

export function kneeReasons(step: Omit<OpenStep, 'kneeReasons' | 'repeat'>, baselineP99Ms: number | null, rule: KneeRule): string[] {
  const reasons: string[] = [];
  const p99 = step.fromIntendedMs?.p99;
  if (p99 !== undefined && baselineP99Ms !== null && p99 > rule.p99Factor * baselineP99Ms) {
    reasons.push(`p99 from intended start ${p99.toFixed(1)} ms > ${rule.p99Factor} × baseline ${baselineP99Ms.toFixed(1)} ms`);
  }
  if (step.scheduled > 0 && step.dropped / step.scheduled > rule.dropFraction) {
    reasons.push(`${step.dropped} of ${step.scheduled} dropped (> ${rule.dropFraction * 100}%)`);
  }
  const failed = step.byOutcome['http-error'] + step.byOutcome['network-error'] + step.byOutcome.timeout;
  if (step.started > 0 && failed / step.started > rule.failFraction) {
    reasons.push(`${failed} of ${step.started} failed (> ${rule.failFraction * 100}%)`);
  }
  return reasons;
}

/** The doubling sweep: start, 2 × start, … up to max (inclusive). */
export function doublingRates(startPerSec: number, maxPerSec: number): number[] {
  const rates: number[] = [];
  for (let rate = startPerSec; rate <= maxPerSec; rate *= 2) rates.push(rate);
  return rates;
}
