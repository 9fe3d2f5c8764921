// Headers both sides of fanout-bench use: the harness sends them, the delay server reads or sends them.

/** Requests carrying this header get /delay's answer at once: the harness's warm-up runs, which
 *  warm connections and code paths without waiting out the delays. Server-Timing says so. */
export const WARMUP_HEADER = 'x-fanout-warmup';

/** Names one try of one request of one run (`<run>:<index>.<try>`): /flaky then decides by (seed, id),
 *  so every strategy row meets the same failures on the same request, whatever order it sends them in. */
export const REQUEST_ID_HEADER = 'x-fanout-request-id';

/** Scopes the simulated LLM API's rate-limit buckets: the key's quota is counted per (key, scope). The
 *  harness sends `<set>/<row>/<run>` with a URL set's request entries, so every measured run of every
 *  strategy row starts with the key's full quota, as a bench variant does with a key of its own per run. */
export const QUOTA_SCOPE_HEADER = 'x-fanout-quota-scope';

/** Marks a response whose failure the server injected on purpose (a fault route). */
export const FAULT_HEADER = 'x-fanout-fault';
