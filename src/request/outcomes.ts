import { failedCount, OUTCOME_KINDS, type OutcomeCounts, type RequestRecord, type RequestTotals } from '../model/records.ts';

export function countOutcomes(records: readonly RequestRecord[]): RequestTotals {
  const byOutcome = Object.fromEntries(OUTCOME_KINDS.map((kind) => [kind, 0])) as OutcomeCounts;
  for (const record of records) byOutcome[record.outcome.kind] += 1;
  return { total: records.length, ok: byOutcome.ok, failed: failedCount(byOutcome), byOutcome };
}
