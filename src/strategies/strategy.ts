// A Strategy only schedules: it is handed `attempt(i)` for each request index and decides when to call it.
// Recording every request is the harness's job (inside `attempt`), so no strategy can lose one.

/** Resolves on a 1xx–3xx response; rejects with a RequestFailure on an HTTP error, network error or timeout. */
export type Attempt = (index: number) => Promise<unknown>;

export interface Strategy {
  name: string;
  description: string;
  /** Whether the strategy takes a k (workers or chunk size); strategies without one ignore it. */
  takesConcurrency: boolean;
  /** The harness hands this strategy an `attempt` that retries per the run's retry policy. */
  retries?: boolean;
  run(count: number, attempt: Attempt, concurrency: number): Promise<unknown>;
  /** The makespan with zero overhead, given each request's service time in order. */
  idealMs(serviceMs: readonly number[], concurrency: number): number;
}

export const indices = (count: number): number[] => Array.from({ length: count }, (_, i) => i);
