// Guards against load-testing a production or paid API by accident: targets must be loopback
// unless the user says --allow-remote, and even then total requests and request rate are capped.
import { setTimeout as sleep } from 'node:timers/promises';
import { InputError } from '../util/input-error.ts';

/** Caps for any run against a non-loopback target (with --allow-remote). */
export const REMOTE_CAPS = {
  /** Requests a whole run may plan (tries and retries included). */
  maxTotalRequests: 1_000,
  /** Requests started per second, across the run. */
  maxRequestsPerSec: 10,
} as const;

/** Loopback by address only: `localhost`, 127.0.0.0/8, ::1 and its IPv4-mapped forms; names are not resolved. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (h === 'localhost') return true;
  if (h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  const v4 = h.replace(/^::ffff:/, '');
  const parts = v4.split('.');
  return parts.length === 4 && parts[0] === '127' && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

export function isLoopbackUrl(url: string | URL): boolean {
  try {
    return isLoopbackHost(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** Parses a --target URL: http(s) only, no credentials; InputError naming the flag otherwise. */
export function parseTargetUrl(raw: string, flag = 'target'): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InputError(`--${flag}: expected an http(s) URL such as http://127.0.0.1:8080, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InputError(`--${flag}: expected an http or https URL, got "${url.protocol}"`);
  if (url.username || url.password) throw new InputError(`--${flag}: credentials in the URL are not accepted`);
  return url;
}

export interface TargetPolicy {
  allowRemote: boolean;
  /** The flag that named the target, for messages. */
  flag?: string;
}

/**
 * Refuses a non-loopback target unless allowRemote; returns whether the target is remote, so the
 * caller applies REMOTE_CAPS. Load, open-loop and scale suites call this before sending anything.
 */
export function assertTargetAllowed(url: string | URL, policy: TargetPolicy): { remote: boolean } {
  const parsed = typeof url === 'string' ? parseTargetUrl(url, policy.flag) : url;
  if (isLoopbackHost(parsed.hostname)) return { remote: false };
  if (!policy.allowRemote) {
    throw new InputError(
      `--${policy.flag ?? 'target'}: ${parsed.host} is not a loopback address; add --allow-remote to send requests to it ` +
        `(capped at ${REMOTE_CAPS.maxTotalRequests} requests and ${REMOTE_CAPS.maxRequestsPerSec}/s)`,
    );
  }
  return { remote: true };
}

/** Refuses a remote run that would send more than the cap; `plannedRequests` is the worst case, retries included. */
export function assertWithinRemoteCaps(plannedRequests: number, requestsPerSec?: number): void {
  if (plannedRequests > REMOTE_CAPS.maxTotalRequests) {
    throw new InputError(
      `remote target: this run could send ${plannedRequests} requests, over the cap of ${REMOTE_CAPS.maxTotalRequests}; ` +
        'use fewer URLs, strategies, iterations or retries',
    );
  }
  if (requestsPerSec !== undefined && requestsPerSec > REMOTE_CAPS.maxRequestsPerSec) {
    throw new InputError(`remote target: rate ${requestsPerSec}/s is over the cap of ${REMOTE_CAPS.maxRequestsPerSec}/s`);
  }
}

/** Spaces request starts at least 1/ratePerSec apart, across everything sharing the gate. */
export function createRateGate(ratePerSec: number): (signal?: AbortSignal) => Promise<void> {
  if (!(ratePerSec > 0)) throw new RangeError('ratePerSec must be positive');
  const intervalMs = 1000 / ratePerSec;
  let nextMs = 0;
  return async (signal) => {
    const nowMs = performance.now();
    const slotMs = Math.max(nowMs, nextMs);
    nextMs = slotMs + intervalMs;
    if (slotMs > nowMs) await sleep(slotMs - nowMs, undefined, signal ? { signal } : {});
  };
}
