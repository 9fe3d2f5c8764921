// A full GC on demand, so live heap can be read without garbage. Exposed at runtime (the CLI is not
// started with --expose-gc); the scale suite's warm-up round calls it, and the pairs call it between
// measured runs (never inside one).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

export function fullGc(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  // Twice: the first pass runs finalizers (AbortSignal.timeout registers one per request) whose
  // objects only the second pass can free.
  gc();
  gc();
}
