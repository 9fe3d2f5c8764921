// The part of autocannon 9's programmatic API the load suite uses (it ships no types).
declare module 'autocannon' {
  interface AutocannonOptions {
    url: string;
    connections?: number;
    duration?: number;
    timeout?: number;
    /** ms between samples of the per-interval counters; also how often the stop flag is checked. */
    sampleInt?: number;
    skipAggregateResult?: boolean;
    /** Requests per second across all connections (integer ≥ 1), limited per one-second window. */
    overallRate?: number;
    /** Stop after this many requests (the duration still bounds the run). */
    amount?: number;
    /** Report latencies as measured, without autocannon's (unreliable) rate-mode correction. */
    ignoreCoordinatedOmission?: boolean;
  }
  interface AutocannonInstance extends PromiseLike<unknown> {
    stop(): void;
  }
  function autocannon(options: AutocannonOptions): AutocannonInstance;
  export default autocannon;
}
