// Worker body: starts the delay server on this thread and closes it when the parent asks.
import { parentPort, workerData } from 'node:worker_threads';
import { startDelayServer, type DelayServerOptions } from './index.ts';

const port = parentPort;
if (!port) throw new Error('thread-main.ts must run on a worker thread');
const server = await startDelayServer((workerData as { options: DelayServerOptions }).options);
port.postMessage({ kind: 'ready', url: server.url, port: server.port, host: server.host });
port.once('message', () => {
  void server.close().then(() => port.close());
});
