// Worker-thread entry: TypeScript is loaded through tsx here too, since a worker does not inherit the
// main thread's module hooks. Then it hands over to the TypeScript module named in workerData.entry.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
