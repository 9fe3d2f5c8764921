// When the load generator, not the code under test, is the bottleneck: its event loop nearly always
// busy, or the harness far above the no-harness floor. Shared by the scale, load and open suites.

export const GENERATOR_BOUND = {
  /** Client event loop busy at least this share of the run (0–1). */
  loopBusy: 0.9,
  /** Harness wall over the no-harness floor above this. */
  overFloor: 1.5,
} as const;

export interface GeneratorReadings {
  /** Share of the run the generator's event loop was busy, 0–1. */
  loopBusy?: number | null;
  harnessOverFloor?: number | null;
}

export interface GeneratorVerdict {
  generatorBound: boolean;
  generatorBoundReason: string | null;
}

export function generatorVerdict(readings: GeneratorReadings): GeneratorVerdict {
  const reasons: string[] = [];
  const { loopBusy, harnessOverFloor } = readings;
  if (loopBusy != null && loopBusy >= GENERATOR_BOUND.loopBusy) {
    reasons.push(`client event loop ${Math.round(loopBusy * 100)}% busy (≥ ${GENERATOR_BOUND.loopBusy * 100}%)`);
  }
  if (harnessOverFloor != null && harnessOverFloor > GENERATOR_BOUND.overFloor) {
    reasons.push(`harness ${harnessOverFloor.toFixed(2)}× the no-harness floor (> ${GENERATOR_BOUND.overFloor}×)`);
  }
  return { generatorBound: reasons.length > 0, generatorBoundReason: reasons.length > 0 ? reasons.join('; ') : null };
}
