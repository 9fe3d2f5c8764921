// The no-harness floor of a scale point: the same requests × concurrency against the same server,
// through undici's dispatch() with an empty handler and a bare worker loop — no strategy, no
// client session, no recording. What the machine itself costs; harness ÷ floor is what we add.
import { Agent, type Dispatcher } from 'undici';

export interface FloorRunner {
  /** Runs `requests` GETs of `path` with `concurrency` workers; resolves with the wall time in ms. */
  run(requests: number, concurrency: number): Promise<number>;
  close(): Promise<void>;
}

/** An Agent of its own with `connections` sockets, so the floor never borrows the harness's warm sockets. */
export function openFloor(origin: string, path: string, connections: number): FloorRunner {
  const agent = new Agent({ connections, keepAliveTimeout: 30_000, pipelining: 1 });
  const options: Dispatcher.DispatchOptions = { origin, path, method: 'GET' };
  const one = (): Promise<void> => new Promise((resolve, reject) => agent.dispatch(options, new EmptyHandler(resolve, reject)));
  return {
    async run(requests, concurrency) {
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < requests) {
          next += 1;
          await one();
        }
      };
      const startMs = performance.now();
      await Promise.all(Array.from({ length: Math.min(requests, concurrency) }, worker));
      return performance.now() - startMs;
    },
    close: () => agent.close(),
  };
}

/**
 * A class, not an object literal of arrow functions: no function objects per request (and none of
 * the name-keeping wrappers a TypeScript loader adds to each), so the floor stays a floor.
 */
class EmptyHandler implements Dispatcher.DispatchHandler {
  constructor(
    private readonly resolve: () => void,
    private readonly reject: (error: Error) => void,
  ) {}
  onRequestStart(): void {}
  onResponseStart(): void {}
  onResponseData(): void {}
  onResponseEnd(): void {
    this.resolve();
  }
  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.reject(error);
  }
}
