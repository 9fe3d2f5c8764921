// Reading an undici response the same way for request() and Pool.request(): the whole body counted,
// the end stamped, headers readable for Retry-After.
import type { Dispatcher } from 'undici';
import { finishedResponse, type ClientResponse } from './client.ts';

export async function readUndiciResponse(res: Dispatcher.ResponseData, startMs: number, firstByteMs: number): Promise<ClientResponse> {
  let bytes = 0;
  for await (const chunk of res.body) bytes += (chunk as Buffer).length;
  return finishedResponse(res.statusCode, bytes, startMs, firstByteMs, res.headers);
}
