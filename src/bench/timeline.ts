// What a variant's recorded timeline proves, for code whose schedule we did not write: each request as
// a RequestRecord, how many were in flight and when nothing was, and the ideal it can be held to.
import type { RequestRecord } from '../model/records.ts';
import { strategies } from '../strategies/index.ts';
import type { IdealSchedule } from './definition.ts';

/** A request as the recorder reports it (times from the run's start). */
export interface RecordedLike {
  index: number;
  method: string;
  origin: string;
  path: string;
  startMs: number;
  firstByteMs?: number | undefined;
  endMs?: number | undefined;
  outcome?: RequestRecord['outcome'] | undefined;
  status?: number | undefined;
  bytes?: number | undefined;
  serverDelayMs?: number | undefined;
  chunks?: { atMs: number; bytes: number; text?: string | undefined }[] | undefined;
  /** A text/event-stream answer. */
  eventStream?: true | undefined;
  leaked: boolean;
  incomplete: string[];
}

export const LEAKED_OUTCOME = { kind: 'network-error', code: 'LEAKED', message: 'still in flight when the variant settled' } as const;

/** `settledMs`: when the variant's promise settled, the end given to a leaked request. */
export function toRequestRecord(request: RecordedLike, settledMs: number): RequestRecord {
  const record: RequestRecord = {
    index: request.index,
    url: `${request.origin}${request.path}`,
    queuedMs: 0,
    startMs: request.startMs,
    endMs: request.endMs ?? settledMs,
    outcome: request.outcome ?? { ...LEAKED_OUTCOME },
    bytes: request.bytes ?? 0,
    method: request.method,
  };
  if (request.firstByteMs !== undefined) record.firstByteMs = request.firstByteMs;
  if (request.status !== undefined) record.status = request.status;
  if (request.serverDelayMs !== undefined) record.serverDelayMs = request.serverDelayMs;
  if (request.leaked) record.leaked = true;
  if (request.incomplete.length > 0) record.incomplete = [...request.incomplete];
  // A streamed answer is measured from its chunks' text; the report keeps the chunks' times and sizes only.
  if (request.chunks !== undefined) record.chunks = request.chunks.map((chunk) => ({ atMs: chunk.atMs, bytes: chunk.bytes }));
  return record;
}

export interface InFlightFacts {
  maxInFlight: number;
  /** Time-weighted over [0, wallMs]. */
  meanInFlight: number;
  /** Time in [0, wallMs] with nothing in flight. */
  idleMs: number;
}

export function inFlightFacts(records: readonly Pick<RequestRecord, 'startMs' | 'endMs'>[], wallMs: number): InFlightFacts {
  const events = records.flatMap((r) => [
    { atMs: Math.max(0, Math.min(r.startMs, wallMs)), delta: 1 },
    { atMs: Math.max(0, Math.min(r.endMs, wallMs)), delta: -1 },
  ]);
  // Ends before starts at the same instant: back-to-back requests never count as two in flight.
  events.sort((a, b) => a.atMs - b.atMs || a.delta - b.delta);
  let inFlight = 0;
  let maxInFlight = 0;
  let areaMs = 0;
  let idleMs = 0;
  let lastMs = 0;
  for (const event of events) {
    const spanMs = event.atMs - lastMs;
    areaMs += inFlight * spanMs;
    if (inFlight === 0) idleMs += spanMs;
    inFlight += event.delta;
    maxInFlight = Math.max(maxInFlight, inFlight);
    lastMs = event.atMs;
  }
  idleMs += Math.max(0, wallMs - lastMs);
  return { maxInFlight, meanInFlight: wallMs > 0 ? areaMs / wallMs : 0, idleMs };
}

export interface VariantIdeal {
  idealMs: number;
  basis: 'declared' | 'lower-bound';
  declared?: string;
  /** k of a declared pool or batched schedule. */
  concurrency: number | null;
  lowerBoundMs: number;
  sequentialMs: number;
}

/** `serviceMs` in the order the requests started. */
export function variantIdeal(serviceMs: readonly number[], declared: IdealSchedule | undefined): VariantIdeal {
  const lowerBoundMs = serviceMs.reduce((max, ms) => Math.max(max, ms), 0);
  const sequentialMs = serviceMs.reduce((sum, ms) => sum + ms, 0);
  const bounds = { lowerBoundMs, sequentialMs };
  if (declared === undefined) return { idealMs: lowerBoundMs, basis: 'lower-bound', concurrency: null, ...bounds };
  if (declared === 'all' || declared === 'sequential') {
    return { idealMs: strategies[declared].idealMs(serviceMs, serviceMs.length), basis: 'declared', declared, concurrency: null, ...bounds };
  }
  const [name, k] = 'pool' in declared ? (['pool', declared.pool] as const) : (['batched', declared.batched] as const);
  return { idealMs: strategies[name].idealMs(serviceMs, k), basis: 'declared', declared: `${name}(${k})`, concurrency: k, ...bounds };
}
