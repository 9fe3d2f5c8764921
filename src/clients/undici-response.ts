// Reading an undici response the same way for request() and Pool.request(): the whole body counted,
// the end stamped, headers readable for Retry-After.
import type { Dispatcher } from 'undici';
import { finishedResponse, headerText, isEventStream, now, type ClientResponse, type ResponseChunk } from './client.ts';

export async function readUndiciResponse(res: Dispatcher.ResponseData, startMs: number, firstByteMs: number): Promise<ClientResponse> {
  if (isEventStream(headerText(res.headers['content-type']))) return readEventStream(res, startMs, firstByteMs);
  // body.bytes(), not `for await`: an async iterator per body (stream iterator, end-of-stream
  // watcher, a promise per chunk) costs more than undici's own collector at 20,000 requests/s.
  const { byteLength } = await res.body.bytes();
  return finishedResponse(res.statusCode, byteLength, startMs, firstByteMs, res.headers);
}

/** A streamed answer: every chunk kept with its arrival time and its text (a split character decoded whole in the later chunk). */
async function readEventStream(res: Dispatcher.ResponseData, startMs: number, firstByteMs: number): Promise<ClientResponse> {
  const decoder = new TextDecoder('utf-8');
  const chunks: ResponseChunk[] = [];
  let bytes = 0;
  for await (const chunk of res.body as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    chunks.push({ atMs: now(), bytes: chunk.length, text: decoder.decode(chunk, { stream: true }) });
  }
  return Object.assign(finishedResponse(res.statusCode, bytes, startMs, firstByteMs, res.headers), { chunks });
}
