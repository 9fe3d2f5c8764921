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
  }
  interface AutocannonInstance extends PromiseLike<unknown> {
    stop(): void;
  }
  function autocannon(options: AutocannonOptions): AutocannonInstance;
  export default autocannon;
}
