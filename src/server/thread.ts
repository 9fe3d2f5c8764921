// The delay server on a worker thread: at thousands of requests per second in flight, a server that
// shares the client's event loop adds its own CPU time to every client-side latency.
import type { EventLoopUtilization } from 'node:perf_hooks';
import { startEntryWorker } from '../util/entry-module.ts';
import type { DelayServer, DelayServerOptions } from './index.ts';

interface Ready {
  kind: 'ready';
  url: string;
  port: number;
  host: string;
}

/** Its request count lives on the server thread and is not mirrored here. */
export interface ThreadedDelayServer extends Omit<DelayServer, 'requestsReceived'> {
  /** The server thread's event-loop utilisation, as perf_hooks reports it (delta against `since`). */
  eventLoopUtilization(since?: EventLoopUtilization): EventLoopUtilization;
}

export interface ThreadOptions {
  /** V8 young-generation size of the server thread; larger means fewer scavenges at high request rates. */
  youngGenerationMb?: number;
}

export async function startDelayServerThread(options: DelayServerOptions = {}, thread: ThreadOptions = {}): Promise<ThreadedDelayServer> {
  const worker = startEntryWorker(import.meta.url, 'thread-main', {
    workerData: { options },
    ...(thread.youngGenerationMb === undefined ? {} : { resourceLimits: { maxYoungGenerationSizeMb: thread.youngGenerationMb } }),
  });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const ready = await new Promise<Ready>((resolve, reject) => {
    worker.once('message', (message: Ready) => resolve(message));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`delay server thread exited with code ${code} before listening`)));
  });
  // Past start-up a thread that throws is ended; the requests to it then fail and are recorded as
  // failures. Without a listener the 'error' event would crash the whole harness.
  worker.on('error', () => void worker.terminate());
  return {
    url: ready.url,
    port: ready.port,
    host: ready.host,
    eventLoopUtilization: (since) => worker.performance.eventLoopUtilization(since),
    async close() {
      worker.postMessage('close');
      // A server stuck closing must not hold the run: terminate after a grace period.
      const grace = setTimeout(() => void worker.terminate(), 2000);
      await exited;
      clearTimeout(grace);
    },
  };
}
