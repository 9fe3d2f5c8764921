// Headers both sides of fanout-bench use: the harness sends them, the delay server reads or sends them.

/** Requests carrying this header get /delay's answer at once: the harness's warm-up runs, which
 *  warm connections and code paths without waiting out the delays. Server-Timing says so. */
export const WARMUP_HEADER = 'x-fanout-warmup';

/** Names one try of one request of one run (`<run>:<index>.<try>`): /flaky then decides by (seed, id),
 *  so every strategy row meets the same failures on the same request, whatever order it sends them in. */
export const REQUEST_ID_HEADER = 'x-fanout-request-id';

/** Marks a response whose failure the server injected on purpose (a fault route). */
export const FAULT_HEADER = 'x-fanout-fault';
