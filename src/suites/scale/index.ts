// The scaling sweep: requests × concurrency through the pool strategy and the chosen client,
// against a delay server on its own thread. Over-budget points are recorded as skipped.
import { clients, type ClientName } from '../../clients/index.ts';
import type { ScalePoint, ScaleSection } from './model.ts';
import { createRecorder } from '../../record/index.ts';
import { startDelayServerThread } from '../../server/thread.ts';
import { openFloor } from './floor.ts';
import { fullGc } from './gc.ts';
import { SCALE_DEFAULTS } from './options.ts';
import { measureInPairs } from './pairs.ts';
import { planPoints } from './plan.ts';
import { measurePoint, warmUp, warmUpPoint } from './point.ts';

/** The grid and pairing a user may choose (`run --scale-requests/--scale-concurrency/--scale-pairs`). */
export interface ScaleGrid {
  requests?: readonly number[];
  concurrency?: readonly number[];
  pairs?: number;
  /** Record every measured harness run through the diagnostics-channel recorder as well. */
  recorder?: boolean;
}

export interface ScaleOptions {
  client: ClientName;
  timeScale: number;
  timeoutMs: number;
  budgetS?: number;
  requests?: readonly number[];
  concurrency?: readonly number[];
  /** Zero-delay requests before the first point (default SCALE_DEFAULTS.jitWarmup.requests); 0 for none. */
  jitWarmupRequests?: number;
  /** Harness runs per point, each paired with a no-harness floor run (default SCALE_DEFAULTS.pairs). */
  pairs?: number;
  /** Record every measured harness run through the diagnostics-channel recorder as well (`--scale-recorder`). */
  recorder?: boolean;
  /** Young generation of the server thread (runScaleSweepThread gives the client's thread the same); null for V8's default. */
  youngGenerationMb?: number | null;
  /** Where this sweep's client runs, for the record (runScaleSweepThread sets it). */
  clientThread?: 'worker-thread' | 'main';
  signal?: AbortSignal;
  onProgress?: (text: string) => void;
  /** Called after every point, so finished points can be saved before the next one. */
  onPoint?: (section: ScaleSection) => Promise<void>;
}

const { jitWarmup } = SCALE_DEFAULTS;
const warmupDescription = (jitRequests: number): string =>
  `${jitRequests > 0 ? `once, ${jitRequests.toLocaleString('en-US')} GET ${jitWarmup.path} at c = ${jitWarmup.concurrency}; ` : ''}` +
  `per point, two unmeasured rounds of min(requests, concurrency) requests on the point's session (sockets open, code warm; live heap read in the second)` +
  ` and two on the floor's own agent`;

export const pointLabel = (p: Pick<ScalePoint, 'requests' | 'concurrency'>): string => `${p.requests} × c${p.concurrency}`;

export async function runScaleSweep(options: ScaleOptions): Promise<ScaleSection> {
  const delayMs = SCALE_DEFAULTS.delayMs * options.timeScale;
  const budgetMs = (options.budgetS ?? SCALE_DEFAULTS.budgetS) * 1000;
  const section: ScaleSection = {
    client: options.client,
    strategy: 'pool',
    path: SCALE_DEFAULTS.path,
    delayMs,
    timeScale: options.timeScale,
    budgetMs,
    clientThread: options.clientThread ?? 'main',
    server: 'worker-thread',
    youngGenerationMb: options.youngGenerationMb ?? null,
    warmup: warmupDescription(options.jitWarmupRequests ?? jitWarmup.requests),
    ...(options.recorder ? { recorder: true } : {}),
    points: [],
  };
  const recorder = options.recorder ? createRecorder() : undefined;
  const plan = planPoints(options.requests ?? SCALE_DEFAULTS.requests, options.concurrency ?? SCALE_DEFAULTS.concurrency, delayMs, budgetMs);
  const youngGenerationMb = options.youngGenerationMb ?? undefined;
  const server = await startDelayServerThread({ timeScale: options.timeScale }, youngGenerationMb === undefined ? {} : { youngGenerationMb });
  try {
    const jitRequests = options.jitWarmupRequests ?? jitWarmup.requests;
    if (jitRequests > 0 && plan.some((p) => !p.skip) && !options.signal?.aborted) {
      options.onProgress?.('warming up…');
      const session = clients[options.client].open({ connections: jitWarmup.concurrency });
      try {
        await warmUp(session, new URL(jitWarmup.path, server.url).toString(), jitRequests, jitWarmup.concurrency, options.timeoutMs);
      } finally {
        await session.close();
      }
    }
    for (const [i, planned] of plan.entries()) {
      if (options.signal?.aborted) break;
      const key = { requests: planned.requests, concurrency: planned.concurrency };
      if (planned.skip) {
        const reason = `predicted ideal ${planned.predictedIdealMs} ms exceeds the ${budgetMs} ms budget`;
        section.points.push({ state: 'skipped', ...key, predictedIdealMs: planned.predictedIdealMs, reason });
        continue;
      }
      options.onProgress?.(`[${i + 1}/${plan.length}] ${pointLabel(key)}…`);
      const session = clients[options.client].open({ connections: planned.concurrency });
      const pointOptions = {
        session,
        baseUrl: server.url,
        path: SCALE_DEFAULTS.path,
        ...key,
        timeoutMs: options.timeoutMs,
        memorySampleMs: SCALE_DEFAULTS.memorySampleMs,
        serverLoop: server.eventLoopUtilization,
        ...(recorder ? { recorder } : {}),
      };
      const floor = openFloor(new URL(server.url).origin, SCALE_DEFAULTS.path, planned.concurrency);
      try {
        const { liveHeapPerInFlightBytes } = await warmUpPoint(pointOptions);
        // Two floor rounds too: its own sockets opened and its code warm before the first pair.
        const inFlight = Math.min(planned.requests, planned.concurrency);
        await floor.run(inFlight, inFlight);
        await floor.run(inFlight, inFlight);
        const pairPlan = { pairs: Math.max(1, options.pairs ?? SCALE_DEFAULTS.pairs), budgetMs: SCALE_DEFAULTS.pairBudgetS * 1000, settle: fullGc };
        section.points.push(await measureInPairs(() => measurePoint(pointOptions, liveHeapPerInFlightBytes), floor, planned.requests, planned.concurrency, pairPlan));
      } catch (error) {
        if (options.signal?.aborted) break;
        section.points.push({ state: 'errored', ...key, error: error instanceof Error ? error.message : String(error) });
      } finally {
        await Promise.all([session.close(), floor.close()]);
      }
      await options.onPoint?.(section);
    }
  } finally {
    await server.close();
  }
  return section;
}
