// The request recorder: every HTTP request the process makes while a window is open, seen through
// diagnostics_channel, with no wrapper around the caller's code. One window at a time; requests that
// start outside a window (warm-ups, probes) are never followed.
import diagnosticsChannel from 'node:diagnostics_channel';
import type { Recording } from './model.ts';
import { httpHandlers } from './http-channels.ts';
import { RecordingWindowState, Tracker } from './tracker.ts';
import { undiciHandlers } from './undici-channels.ts';

export interface RecordingWindow {
  readonly label: string;
  /** performance.now() at opening: the zero of every time in the recording. */
  readonly openedAtMs: number;
  /** Requests started in this window and not yet ended. */
  inFlight(): number;
  /** Ends the window: what is still in flight is reported as leaked and no longer followed. */
  close(): Recording;
}

export interface Recorder {
  /** Subscribes to the channels; idempotent. Stacks publish nothing while nobody subscribes. */
  start(): void;
  /** Unsubscribes; refused while a window is open (its requests would silently stop being followed). */
  stop(): void;
  open(label: string): RecordingWindow;
  readonly started: boolean;
}

export function createRecorder(): Recorder {
  const tracker = new Tracker<object>();
  const handlers = Object.entries({ ...undiciHandlers(tracker), ...httpHandlers(tracker) });
  let started = false;
  return {
    get started() {
      return started;
    },
    start() {
      if (started) return;
      for (const [name, handler] of handlers) diagnosticsChannel.subscribe(name, handler);
      started = true;
    },
    stop() {
      if (!started) return;
      if (tracker.current !== null) throw new Error(`recording window "${tracker.current.label}" is still open: close it before stopping the recorder`);
      for (const [name, handler] of handlers) diagnosticsChannel.unsubscribe(name, handler);
      started = false;
    },
    open(label) {
      if (!started) throw new Error('start() the recorder before opening a window');
      if (tracker.current !== null) throw new Error(`recording window "${tracker.current.label}" is still open: one window at a time`);
      const state = new RecordingWindowState(label, performance.now());
      tracker.current = state;
      return {
        label,
        openedAtMs: state.openedAtMs,
        inFlight: () => state.entries.filter((entry) => !entry.ended).length,
        close: () => closeWindow(tracker, state),
      };
    },
  };
}

function closeWindow(tracker: Tracker<object>, state: RecordingWindowState): Recording {
  if (state.closed) throw new Error(`recording window "${state.label}" is already closed`);
  const closedAtMs = performance.now();
  state.closed = true;
  if (tracker.current === state) tracker.current = null;
  const requests = state.entries.map((entry) => entry.toRecord(state.openedAtMs));
  return {
    label: state.label,
    openedAtMs: state.openedAtMs,
    durationMs: closedAtMs - state.openedAtMs,
    requests,
    leaked: requests.filter((request) => request.leaked).map((request) => request.index),
    incomplete: requests.filter((request) => request.incomplete.length > 0).map((request) => request.index),
  };
}
