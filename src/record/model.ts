// Requests seen by the recorder (src/record/) in one recording window: the timeline fields of a
// RequestRecord, plus what identifies a request we did not make and what the recorder could not see.
// Times are milliseconds from the window's opening on performance.now(); sizes are bytes.
import { z } from 'zod';
import { OutcomeSchema } from '../model/records.ts';

/** Which instrumented stack the request went through. */
export const RecordedViaSchema = z.enum(['undici', 'node:http']);
export type RecordedVia = z.infer<typeof RecordedViaSchema>;

/** One body chunk as it arrived (undici's bodyChunkReceived): the raw material of time to first token. */
export const BodyChunkSchema = z.object({
  atMs: z.number(),
  bytes: z.int().nonnegative(),
  /** The chunk as text, kept for streamed answers (text/event-stream) so tokens can be counted in the content. */
  text: z.string().optional(),
});
export type BodyChunk = z.infer<typeof BodyChunkSchema>;

export const RecordedRequestSchema = z.object({
  /** Order of start within the window, from 0. */
  index: z.int().nonnegative(),
  via: RecordedViaSchema,
  method: z.string(),
  /** scheme://host[:port] as the client addressed it. */
  origin: z.string(),
  /** Path and query. */
  path: z.string(),
  startMs: z.number(),
  /** Response headers received; absent when none arrived. */
  firstByteMs: z.number().optional(),
  /** Absent while the request was still in flight at the window's close (leaked). */
  endMs: z.number().optional(),
  /** Absent when leaked: the request had no outcome yet. */
  outcome: OutcomeSchema.optional(),
  status: z.int().optional(),
  /** Body bytes received: summed chunks where chunks are observed, else Content-Length of a body that
   *  ended; absent when neither was available (then `incomplete` says so). */
  bytes: z.int().nonnegative().optional(),
  /** The delay the server says it served (Server-Timing), absent when it did not say. */
  serverDelayMs: z.number().optional(),
  /** Every body chunk in arrival order; absent when this stack does not publish chunks. */
  chunks: z.array(BodyChunkSchema).optional(),
  /** A text/event-stream answer (a streamed LLM answer): its chunks' text is kept, even when none came. */
  eventStream: z.literal(true).optional(),
  /** In flight when the window closed: the code under test did not wait for it. */
  leaked: z.boolean(),
  /** What the recorder could not observe about this request, one reason each; empty when it saw it all. */
  incomplete: z.array(z.string()),
});
export type RecordedRequest = z.infer<typeof RecordedRequestSchema>;

export const RecordingSchema = z.object({
  label: z.string(),
  /** performance.now() when the window opened: the zero of every time in it. */
  openedAtMs: z.number(),
  /** Window length, open to close. */
  durationMs: z.number().nonnegative(),
  /** Every request started inside the window, in start order. */
  requests: z.array(RecordedRequestSchema),
  /** Indexes (into requests) still in flight at close. */
  leaked: z.array(z.int().nonnegative()),
  /** Indexes (into requests) the recorder could not see completely. */
  incomplete: z.array(z.int().nonnegative()),
});
export type Recording = z.infer<typeof RecordingSchema>;
