// Worker body of runScaleSweepThread: runs the sweep here and posts every saved point back.
import { parentPort, workerData } from 'node:worker_threads';
import { runScaleSweep } from './index.ts';
import type { ScaleThreadInput, ScaleThreadMessage } from './thread.ts';

const port = parentPort;
if (!port) throw new Error('thread-main.ts must run on a worker thread');
const post = (message: ScaleThreadMessage): void => port.postMessage(message);
const controller = new AbortController();
port.on('message', (message) => {
  if (message === 'abort') controller.abort();
});
try {
  const section = await runScaleSweep({
    ...(workerData as { input: ScaleThreadInput }).input,
    clientThread: 'worker-thread',
    signal: controller.signal,
    onProgress: (text) => post({ kind: 'progress', text }),
    onPoint: async (section) => post({ kind: 'point', section }),
  });
  post({ kind: 'done', section });
} catch (error) {
  post({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
} finally {
  port.close();
}
