// Reading an undici response the same way for request() and Pool.request(): the whole body counted,
// the end stamped, headers readable for Retry-After.
import type { Dispatcher } from 'undici';
import { ChunkCollector, finishedResponse, isEventStream, type ClientResponse } from './client.ts';

export async function readUndiciResponse(res: Dispatcher.ResponseData, startMs: number, firstByteMs: number): Promise<ClientResponse> {
  if (isEventStream(res.headers['content-type'])) return readStream(res, startMs, firstByteMs);
  // body.bytes(), not `for await`: an async iterator per body (stream iterator, end-of-stream
  // watcher, a promise per chunk) costs more than undici's own collector at 20,000 requests/s.
  const { byteLength } = await res.body.bytes();
  return finishedResponse(res.statusCode, byteLength, startMs, firstByteMs, res.headers);
}

/** A streamed answer: every chunk stamped as it arrives (TTFT, inter-token gaps). */
async function readStream(res: Dispatcher.ResponseData, startMs: number, firstByteMs: number): Promise<ClientResponse> {
  const stream = new ChunkCollector();
  let bytes = 0;
  for await (const chunk of res.body as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    stream.add(chunk);
  }
  return finishedResponse(res.statusCode, bytes, startMs, firstByteMs, res.headers, stream.finish());
}
