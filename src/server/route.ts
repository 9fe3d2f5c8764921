// What a route is and what its handler is handed, shared by the route tables; and the fault routes'
// per-server state, which every handler's context carries.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestBody } from './echo.ts';
import type { Random } from '../stats/random.ts';
import type { LlmStateSource } from './llm/lazy.ts';

export interface FaultState {
  /** key → start of the current fixed window (ms, performance.now()) and requests counted in it. */
  windows: Map<string, { startMs: number; count: number }>;
}

export const createFaultState = (): FaultState => ({ windows: new Map() });

export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  origin: string;
  params: string[];
  readBody: () => Promise<RequestBody>;
  timeScale: number;
  maxDelayS: number;
  maxBodyBytes: number;
  random: Random;
  /** The server's seed, for draws keyed by request (keyedUnit). */
  seed: number;
  /** Aborted when the client goes away or the server closes, so no timer outlives its request. */
  signal: AbortSignal;
  /** Per-server state of the fault routes (rate-limit windows). */
  faultState: FaultState;
  /** Per-server state of the simulated LLM API (rate limits per key, load per model). */
  llm: LlmStateSource;
  /** Waits, or rejects once the client goes away or the server closes. */
  sleep(ms: number): Promise<void>;
}

export interface Route {
  pattern: RegExp;
  methods: readonly string[] | 'any';
  handle: (ctx: RouteContext) => Promise<void> | void;
  /** True when the route always finishes by itself: its body read is bounded by node's requestTimeout and
   *  its wait by maxDelayS, which the server keeps below its response deadline, so it needs no deadline timer. */
  bounded?: true;
}

