// Makespan maths: what a schedule would take if the only cost were the server's delays.

export const sumMs = (serviceMs: readonly number[]): number => serviceMs.reduce((sum, ms) => sum + ms, 0);

export const maxMs = (serviceMs: readonly number[]): number => serviceMs.reduce((max, ms) => Math.max(max, ms), 0);

/** k workers taking jobs in order, each job going to the worker that frees up first (list scheduling). */
export function listScheduleMs(serviceMs: readonly number[], workers: number): number {
  if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`workers must be a positive integer, got ${workers}`);
  const freeAtMs = new Array<number>(Math.min(workers, Math.max(serviceMs.length, 1))).fill(0);
  for (const ms of serviceMs) {
    let earliest = 0;
    for (let w = 1; w < freeAtMs.length; w++) if (freeAtMs[w]! < freeAtMs[earliest]!) earliest = w;
    freeAtMs[earliest]! += ms;
  }
  return maxMs(freeAtMs);
}

/** Chunks of k awaited one after another: the sum of each chunk's slowest job. */
export function chunkedMs(serviceMs: readonly number[], chunkSize: number): number {
  if (!Number.isInteger(chunkSize) || chunkSize < 1) throw new RangeError(`chunk size must be a positive integer, got ${chunkSize}`);
  let total = 0;
  for (let i = 0; i < serviceMs.length; i += chunkSize) total += maxMs(serviceMs.slice(i, i + chunkSize));
  return total;
}
