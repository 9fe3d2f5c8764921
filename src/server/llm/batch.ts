// Per-model load: up to batchCapacity requests are served at once; the rest wait in FIFO order,
// and beyond maxQueue waiting requests are refused, as an inference server's scheduler does.

export class ModelBatch {
  #running = 0;
  readonly #waiting: Array<() => void> = [];

  constructor(
    readonly capacity: number,
    readonly maxQueue: number,
  ) {}

  get running(): number {
    return this.#running;
  }

  get waiting(): number {
    return this.#waiting.length;
  }

  /** True when a new request would have to be refused. */
  get full(): boolean {
    return this.#running >= this.capacity && this.#waiting.length >= this.maxQueue;
  }

  /** Resolves once a slot is held; rejects when `signal` aborts while waiting (the slot is then not taken). */
  acquire(signal: AbortSignal): Promise<void> {
    if (this.#running < this.capacity && this.#waiting.length === 0) {
      this.#running += 1;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const grant = (): void => {
        signal.removeEventListener('abort', onAbort);
        this.#running += 1;
        resolve();
      };
      const onAbort = (): void => {
        const at = this.#waiting.indexOf(grant);
        if (at !== -1) this.#waiting.splice(at, 1);
        reject(new Error('request gone while queued'));
      };
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      this.#waiting.push(grant);
    });
  }

  release(): void {
    this.#running = Math.max(0, this.#running - 1);
    const next = this.#waiting.shift();
    if (next !== undefined) next();
  }
}
