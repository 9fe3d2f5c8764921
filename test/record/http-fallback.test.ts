// Nodes before http.client.request.error: a request that fails before any response must still end.
import assert from 'node:assert/strict';
import diagnosticsChannel from 'node:diagnostics_channel';
import http from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { test } from 'node:test';
import { HTTP_CHANNELS, httpHandlers } from '../../src/record/http-channels.ts';
import { RecordingWindowState, Tracker } from '../../src/record/tracker.ts';

test('without the request error channel, a refused node:http request ends at its close, as a network error', async () => {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));

  const tracker = new Tracker<object>();
  const handlers = httpHandlers(tracker);
  // Subscribed as on a Node that publishes no request error.
  const used = [HTTP_CHANNELS.start, HTTP_CHANNELS.response] as const;
  for (const name of used) diagnosticsChannel.subscribe(name, handlers[name]!);
  const window = new RecordingWindowState('fallback', performance.now());
  tracker.current = window;
  try {
    const request = http.get(`http://127.0.0.1:${port}/refused`);
    request.on('error', () => {});
    await new Promise<void>((resolve) => request.on('close', () => resolve()));
  } finally {
    for (const name of used) diagnosticsChannel.unsubscribe(name, handlers[name]!);
    tracker.current = null;
  }
  assert.equal(window.entries.length, 1);
  const record = window.entries[0]!.toRecord(window.openedAtMs);
  assert.equal(record.leaked, false, 'ended by the close event');
  assert.equal(record.outcome?.kind, 'network-error');
  assert.equal(record.firstByteMs, undefined);
  assert.equal(record.bytes, 0);
  // Where ClientRequest keeps its error (`errored`), the code is the real one; else the close is named and marked.
  if (record.outcome?.kind === 'network-error' && record.outcome.code !== 'ERR_STREAM_PREMATURE_CLOSE') assert.equal(record.outcome.code, 'ECONNREFUSED');
  else assert.match(record.incomplete[0] ?? '', /no error event/);
});
