// Where the open loop stops keeping up: the rule is data (KNEE_RULE), the verdict a list of reasons,
// and the sweep that looks for it.
import type { OpenSection, OpenStep } from './model.ts';
import { failedCount } from '../../model/records.ts';

export interface KneeRule {
  p99Factor: number;
  dropFraction: number;
  failFraction: number;
}

export function kneeReasons(step: MeasuredStep, baselineP99Ms: number | null, rule: KneeRule): string[] {
  const reasons: string[] = [];
  const p99 = step.fromIntendedMs?.p99;
  if (p99 !== undefined && baselineP99Ms !== null && p99 > rule.p99Factor * baselineP99Ms) {
    reasons.push(`p99 from intended start ${p99.toFixed(1)} ms > ${rule.p99Factor} × baseline ${baselineP99Ms.toFixed(1)} ms`);
  }
  if (step.scheduled > 0 && step.dropped / step.scheduled > rule.dropFraction) {
    reasons.push(`${step.dropped} of ${step.scheduled} dropped (> ${rule.dropFraction * 100}%)`);
  }
  const failed = failedCount(step.byOutcome);
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

export type MeasuredStep = Omit<OpenStep, 'kneeReasons' | 'repeat'>;

/**
 * Measures each rate in turn into `section` until the knee or the last rate. A step that crosses
 * the rule is measured once more at the same rate and the knee is where both do, so one stall
 * (another process, a GC) does not end the sweep. Each step is held against the lowest p99 of the
 * steps before it, so a stall in the first step does not hide the knee either.
 */
export async function sweepRates(
  section: OpenSection,
  rates: readonly number[],
  measure: (ratePerSec: number, label: string) => Promise<MeasuredStep>,
  options: { signal?: AbortSignal; onStep?: (section: OpenSection) => Promise<void> },
): Promise<void> {
  for (const [i, ratePerSec] of rates.entries()) {
    for (const repeat of [false, true]) {
      if (options.signal?.aborted) break;
      const measured = await measure(ratePerSec, `[${i + 1}/${rates.length}] ${ratePerSec}/s${repeat ? ' (repeat)' : ''}…`);
      if (options.signal?.aborted) break;
      const step: OpenStep = { ...measured, repeat, kneeReasons: kneeReasons(measured, section.baselineP99Ms, section.kneeRule) };
      section.steps.push(step);
      section.baselineP99Ms = lowestP99(section.baselineP99Ms, measured.fromIntendedMs?.p99);
      const crossed = step.kneeReasons.length > 0;
      if (crossed && repeat) {
        section.kneeRatePerSec = ratePerSec;
        section.stopReason = 'knee';
      } else if (!crossed && i === rates.length - 1) section.stopReason = 'max-rate';
      await options.onStep?.(section);
      if (!crossed || section.stopReason !== null) break;
    }
    if (section.stopReason !== null || options.signal?.aborted) break;
  }
  section.stopReason ??= 'aborted';
}

function lowestP99(baseline: number | null, p99: number | undefined): number | null {
  if (p99 === undefined) return baseline;
  return baseline === null ? p99 : Math.min(baseline, p99);
}
