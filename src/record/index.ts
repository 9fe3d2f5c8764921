// The request recorder's public surface.
export { createRecorder, type Recorder, type RecordingWindow } from './recorder.ts';
export { globalFetchPublishesChunks } from './global-fetch.ts';
export type { BodyChunk, RecordedRequest, RecordedVia, Recording } from './model.ts';
