// Parses an SSE byte stream received as timed chunks into events, each stamped with the arrival
// time of the chunk that completed it. Pure: the chunks and their times are given.
import { createParser } from 'eventsource-parser';

export interface TimedChunk {
  /** Bytes or text as received. */
  data: Uint8Array | string;
  /** Arrival time (ms, any origin shared with the request's send time). */
  atMs: number;
}

export interface TimedEvent {
  event: string | null;
  data: string;
  atMs: number;
}

export function parseSseEvents(chunks: Iterable<TimedChunk>): TimedEvent[] {
  const events: TimedEvent[] = [];
  let atMs = 0;
  const parser = createParser({ onEvent: (message) => events.push({ event: message.event ?? null, data: message.data, atMs }) });
  // One decoder across chunks, so a character split between two chunks is decoded once, whole.
  const decoder = new TextDecoder();
  for (const chunk of chunks) {
    atMs = chunk.atMs;
    parser.feed(typeof chunk.data === 'string' ? chunk.data : decoder.decode(chunk.data, { stream: true }));
  }
  const rest = decoder.decode();
  if (rest !== '') parser.feed(rest);
  // A final event without its blank line is still delivered by a browser's EventSource at end of stream.
  parser.feed('\n\n');
  return events;
}
