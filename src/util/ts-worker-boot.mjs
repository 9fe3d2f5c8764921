// Worker-thread entry for source runs only (tests, scripts): registers tsx, since a worker does not inherit
// the main thread's module hooks, then imports the TypeScript module named in workerData.entry.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
