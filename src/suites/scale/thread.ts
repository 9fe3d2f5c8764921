// Runs the sweep's client on a worker thread of its own (the delay server gets another), so the
// main thread's report keeping stays off the measured event loop and both threads can be given a
// young generation sized for tens of thousands of requests per second.
import type { ScaleSection } from './model.ts';
import type { ScaleOptions } from './index.ts';
import { SCALE_DEFAULTS } from './options.ts';
import { startEntryWorker } from '../../util/entry-module.ts';

/** What crosses to the worker: the options without callbacks or signal. */
export type ScaleThreadInput = Omit<ScaleOptions, 'signal' | 'onProgress' | 'onPoint' | 'clientThread'>;

export type ScaleThreadMessage =
  | { kind: 'progress'; text: string }
  | { kind: 'point'; section: ScaleSection }
  | { kind: 'done'; section: ScaleSection }
  | { kind: 'error'; message: string };

export async function runScaleSweepThread(options: ScaleOptions): Promise<ScaleSection> {
  const { signal, onProgress, onPoint, clientThread: _ignored, ...rest } = options;
  const youngGenerationMb = options.youngGenerationMb === undefined ? SCALE_DEFAULTS.youngGenerationMb : options.youngGenerationMb;
  const input: ScaleThreadInput = { ...rest, youngGenerationMb };
  const worker = startEntryWorker(import.meta.url, 'thread-main', {
    workerData: { input },
    ...(youngGenerationMb === null ? {} : { resourceLimits: { maxYoungGenerationSizeMb: youngGenerationMb } }),
  });
  const abort = (): void => worker.postMessage('abort');
  signal?.addEventListener('abort', abort, { once: true });
  if (signal?.aborted) abort();
  try {
    return await new Promise<ScaleSection>((resolve, reject) => {
      // Points are saved in order: each onPoint waits for the one before.
      let saved = Promise.resolve();
      let finished = false;
      worker.on('message', (message: ScaleThreadMessage) => {
        if (message.kind === 'progress') onProgress?.(message.text);
        else if (message.kind === 'point') saved = saved.then(() => onPoint?.(message.section));
        else if (message.kind === 'done') {
          finished = true;
          saved.then(() => resolve(message.section), reject);
        } else reject(new Error(message.message));
      });
      worker.on('error', reject);
      worker.once('exit', (code) => {
        if (!finished) reject(new Error(`scale thread exited with code ${code} before finishing`));
      });
    });
  } finally {
    signal?.removeEventListener('abort', abort);
    await worker.terminate();
  }
}
