// Little's law for a closed loop: `connections` clients that each wait `delay` per request cannot
// complete more than connections / delay requests per second.
import { DELAY_SERVER_DEFAULTS } from '../../server/index.ts';

const DELAY_PATH = /^\/delay\/(\d+(?:\.\d+)?|\.\d+)\/?(?:\?.*)?$/;

/** The delay the server serves for this endpoint after the time scale (and its clamp), null for none. */
export function servedDelayMsOf(endpoint: string, timeScale: number, maxDelayS: number = DELAY_SERVER_DEFAULTS.maxDelayS): number | null {
  const match = DELAY_PATH.exec(endpoint);
  if (!match) return null;
  return Math.min(Number(match[1]), maxDelayS) * 1000 * timeScale;
}

export function littleLimitPerSec(connections: number, delayMs: number | null): number | null {
  return delayMs === null || delayMs <= 0 ? null : (connections * 1000) / delayMs;
}

export function littleEfficiency(requestsPerSec: number, limitPerSec: number | null): number | null {
  return limitPerSec === null ? null : requestsPerSec / limitPerSec;
}
