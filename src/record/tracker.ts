// Attribution: a request belongs to the window open when it started, or to none. Requests are keyed
// by the object the stack publishes (undici Request, node ClientRequest), so one request is one entry.
import { Entry, type EntryIdentity } from './entry.ts';

export class RecordingWindowState {
  readonly entries: Entry[] = [];
  closed = false;
  constructor(
    readonly label: string,
    readonly openedAtMs: number,
  ) {}
}

export class Tracker<Key extends object> {
  current: RecordingWindowState | null = null;
  private readonly byKey = new WeakMap<Key, { window: RecordingWindowState; entry: Entry }>();

  /** A request started: recorded only inside an open window, and only once per key. */
  begin(key: Key, identity: () => EntryIdentity, observesChunks: boolean): Entry | undefined {
    const startMs = performance.now();
    const window = this.current;
    if (window === null || this.byKey.has(key)) return undefined;
    const entry = new Entry(window.entries.length, identity(), startMs, observesChunks);
    window.entries.push(entry);
    this.byKey.set(key, { window, entry });
    return entry;
  }

  /** The entry of a request still followed: none for requests outside windows or of a closed window. */
  get(key: Key): Entry | undefined {
    const found = this.byKey.get(key);
    return found === undefined || found.window.closed ? undefined : found.entry;
  }
}
