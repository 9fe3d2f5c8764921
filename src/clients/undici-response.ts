// Reading an undici response the same way for request() and Pool.request(): the whole body counted,
// the end stamped, headers readable for Retry-After.
import type { Dispatcher } from 'undici';
import { headerText, now, type ClientResponse } from './client.ts';

export async function readUndiciResponse(res: Dispatcher.ResponseData, startMs: number, firstByteMs: number): Promise<ClientResponse> {
  let bytes = 0;
  for await (const chunk of res.body) bytes += (chunk as Buffer).length;
  return {
    status: res.statusCode,
    bytes,
    startMs,
    firstByteMs,
    endMs: now(),
    serverTiming: headerText(res.headers['server-timing']),
    header: (name: string) => headerText(res.headers[name]),
  };
}
