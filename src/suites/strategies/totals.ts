// Nothing lost: a run's records are checked against what the harness counted as it went, and a
// mismatch is an error (the row goes to report.errors), never a silently wrong number.
import type { RequestRecord, Resilience } from '../../model/records.ts';
import type { TryCounters } from '../../request/attempt.ts';

export const triesOf = (record: RequestRecord): number => record.attempts ?? 1;

/** Throws when the records are not exactly one per request index with tries adding up to the counters. */
export function checkRunTotals(strategy: string, records: readonly RequestRecord[], requests: number, counters: TryCounters): void {
  const fail = (what: string): never => {
    throw new Error(`${strategy}: ${what}`);
  };
  if (records.length !== requests) fail(`finished with ${records.length} of ${requests} requests recorded`);
  const seen = new Array<boolean>(requests).fill(false);
  for (const record of records) {
    if (record.index < 0 || record.index >= requests) fail(`recorded request index ${record.index} outside 0…${requests - 1}`);
    if (seen[record.index]) fail(`recorded request ${record.index} twice`);
    seen[record.index] = true;
    if ((record.failedAttempts?.length ?? 0) !== triesOf(record) - 1) fail(`request ${record.index}: ${triesOf(record)} tries but ${record.failedAttempts?.length ?? 0} failed ones recorded`);
  }
  const tries = records.reduce((sum, r) => sum + triesOf(r), 0);
  if (tries !== counters.tries) fail(`records account for ${tries} tries, ${counters.tries} were issued`);
  if (tries - requests !== counters.retries) fail(`records account for ${tries - requests} retries, ${counters.retries} were made`);
  if (counters.retryBudget !== null && counters.retries > counters.retryBudget) fail(`made ${counters.retries} retries over a budget of ${counters.retryBudget}`);
}

export function summariseResilience(records: readonly RequestRecord[], retriesDenied: number, wallMsTotal: number): Resilience {
  let attempts = 0;
  let timeouts = 0;
  let ok = 0;
  for (const record of records) {
    attempts += triesOf(record);
    if (record.outcome.kind === 'timeout') timeouts += 1;
    for (const failed of record.failedAttempts ?? []) if (failed.outcome.kind === 'timeout') timeouts += 1;
    if (record.outcome.kind === 'ok') ok += 1;
  }
  return {
    attempts,
    retries: attempts - records.length,
    timeouts,
    retriesDenied,
    okFraction: records.length > 0 ? ok / records.length : 0,
    goodputPerSec: wallMsTotal > 0 ? ok / (wallMsTotal / 1000) : 0,
  };
}
