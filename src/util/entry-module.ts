// Worker threads and child processes start from a module file. Compiled, that file is the `.js` beside
// the caller in dist/; run from the sources (tests, scripts), it is the `.ts` beside it, which needs a
// TypeScript loader in the new thread or process. tsx is loaded only in that case.
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** The module `name` (no extension) beside `callerUrl`, with the caller's own extension. */
export function entryModule(callerUrl: string, name: string): URL {
  const ext = callerUrl.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`./${name}${ext}`, callerUrl);
}

const isSource = (entry: URL): boolean => entry.pathname.endsWith('.ts');

/** execArgv for a child process that runs `entry`: the parent's, plus tsx for a `.ts` entry. */
export function entryExecArgv(entry: URL): string[] {
  const inherited = process.execArgv;
  if (!isSource(entry) || inherited.some((arg) => arg.includes('tsx'))) return [...inherited];
  return [...inherited, '--import', import.meta.resolve('tsx')];
}

/** A worker thread running the module `name` beside `callerUrl`. A worker does not inherit the main
 *  thread's module hooks, so a `.ts` entry starts through a small boot module that registers tsx. */
export function startEntryWorker(callerUrl: string, name: string, options: WorkerOptions): Worker {
  const entry = entryModule(callerUrl, name);
  if (!isSource(entry)) return new Worker(entry, options);
  const boot = new URL('./ts-worker-boot.mjs', import.meta.url);
  return new Worker(boot, { ...options, workerData: { ...(options.workerData as object), entry: entry.href } });
}
