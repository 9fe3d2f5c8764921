// What recording costs the code under test: the same loop of sequential requests with the recorder
// off (no subscribers, so the stacks publish nothing) and on (subscribed, one window around the
// loop, closed at the end), interleaved off/on then on/off so drift hits both sides alike.
import diagnosticsChannel from 'node:diagnostics_channel';
import http from 'node:http';
import { Pool } from 'undici';
import { median } from '../stats/median.ts';
import { createRecorder } from './recorder.ts';

export type CostStack = 'undici' | 'node:http';

export interface RecorderCostOptions {
  baseUrl: string;
  stack: CostStack;
  /** Sequential requests per loop. */
  requests: number;
  /** Off/on pairs; the figure is the median over them. */
  pairs: number;
  path?: string;
}

export interface RecorderCostPair {
  offMs: number;
  onMs: number;
  /** Requests the window recorded: must equal `requests`, or the "on" loop did not measure recording. */
  recorded: number;
}

export interface RecorderCost {
  stack: CostStack;
  requests: number;
  pairs: RecorderCostPair[];
  /** Median over pairs of (on − off) / requests: what recording adds to each request. */
  medianDeltaMsPerRequest: number;
  /** Median over pairs of the loop without recorder, per request: what the delta is relative to. */
  medianOffMsPerRequest: number;
}

export async function measureRecorderCost(options: RecorderCostOptions): Promise<RecorderCost> {
  const url = new URL(options.path ?? '/get', options.baseUrl);
  const { request, close } = openStack(options.stack, url);
  const recorder = createRecorder();
  const loop = async (): Promise<number> => {
    const startMs = performance.now();
    for (let i = 0; i < options.requests; i++) await request();
    return performance.now() - startMs;
  };
  const recordedLoop = async (): Promise<{ ms: number; recorded: number }> => {
    recorder.start();
    const window = recorder.open('cost');
    const ms = await loop();
    const recorded = window.close().requests.length;
    recorder.stop();
    return { ms, recorded };
  };
  try {
    await loop(); // warm-up: connections open, code compiled
    await recordedLoop();
    const pairs: RecorderCostPair[] = [];
    for (let i = 0; i < options.pairs; i++) {
      if (i % 2 === 0) {
        const offMs = await loop();
        const on = await recordedLoop();
        pairs.push({ offMs, onMs: on.ms, recorded: on.recorded });
      } else {
        const on = await recordedLoop();
        const offMs = await loop();
        pairs.push({ offMs, onMs: on.ms, recorded: on.recorded });
      }
    }
    const perRequest = (ms: number): number => ms / options.requests;
    return {
      stack: options.stack,
      requests: options.requests,
      pairs,
      medianDeltaMsPerRequest: median(pairs.map((pair) => perRequest(pair.onMs - pair.offMs))),
      medianOffMsPerRequest: median(pairs.map((pair) => perRequest(pair.offMs))),
    };
  } finally {
    if (recorder.started) recorder.stop();
    await close();
  }
}

function openStack(stack: CostStack, url: URL): { request: () => Promise<void>; close: () => Promise<void> } {
  if (stack === 'undici') {
    const pool = new Pool(url.origin, { connections: 1 });
    const path = `${url.pathname}${url.search}`;
    return {
      request: async () => {
        const res = await pool.request({ path, method: 'GET' });
        await res.body.dump();
      },
      close: () => pool.close(),
    };
  }
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  return {
    request: () =>
      new Promise<void>((resolve, reject) => {
        http
          .get(url, { agent }, (res) => {
            res.resume();
            res.on('end', resolve);
            res.on('error', reject);
          })
          .on('error', reject);
      }),
    close: async () => agent.destroy(),
  };
}

/** A class of its own, so the recorder learns that it publishes chunks without learning it of Object. */
class SyntheticRequest {
  readonly method = 'GET';
  readonly origin = 'http://127.0.0.1:1';
  readonly path = '/get';
}

/** The recorder's own CPU per request, without the network: the undici channel messages of one
 *  request (create, headers, one body chunk, trailers) published by hand into an open window, then
 *  the window closed; minus the same loop with nobody subscribed. Medians over `rounds`. */
export function measureRecorderEventCost(requests: number, rounds: number): { medianMsPerRequest: number; rounds: number[] } {
  const channels = ['create', 'headers', 'bodyChunkReceived', 'trailers'].map((name) => diagnosticsChannel.channel(`undici:request:${name}`));
  const [create, headers, chunk, trailers] = channels as [diagnosticsChannel.Channel, diagnosticsChannel.Channel, diagnosticsChannel.Channel, diagnosticsChannel.Channel];
  const raw = [Buffer.from('content-length'), Buffer.from('2'), Buffer.from('server-timing'), Buffer.from('initial_delay;dur=0.00;desc="initial delay"')];
  const body = Buffer.from('{}');
  const publishAll = (): void => {
    for (let i = 0; i < requests; i++) {
      const request = new SyntheticRequest();
      create.publish({ request });
      headers.publish({ request, response: { statusCode: 200, headers: raw, statusText: 'OK' } });
      chunk.publish({ request, chunk: body });
      trailers.publish({ request, trailers: [] });
    }
  };
  const recorder = createRecorder();
  const perRound: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const offStartMs = performance.now();
    publishAll();
    const offMs = performance.now() - offStartMs;
    recorder.start();
    const onStartMs = performance.now();
    const window = recorder.open('event cost');
    publishAll();
    const recorded = window.close().requests.length;
    const onMs = performance.now() - onStartMs;
    recorder.stop();
    if (recorded !== requests) throw new Error(`recorded ${recorded} of ${requests} published requests`);
    perRound.push((onMs - offMs) / requests);
  }
  return { medianMsPerRequest: median(perRound), rounds: perRound };
}
