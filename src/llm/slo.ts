// Goodput as vLLM and DistServe define it: a request is good when every given SLO holds; goodput is
// good requests per second. `--slo ttft:500,tpot:50,e2e:3000` (ms) parses into a typed object.
import { InputError } from '../util/input-error.ts';
import type { StreamMetrics } from './metrics.ts';

export interface Slo {
  ttftMs?: number;
  tpotMs?: number;
  itlMs?: number;
  e2eMs?: number;
}

const NAMES = { ttft: 'ttftMs', tpot: 'tpotMs', itl: 'itlMs', e2e: 'e2eMs', e2el: 'e2eMs' } as const;

/** Parses `name:ms,…`; names ttft, tpot, itl (every gap), e2e (or vLLM's e2el). Throws InputError naming the flag. */
export function parseSlo(text: string, flag = '--slo'): Slo {
  const slo: Slo = {};
  const parts = text.split(',').map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length === 0) throw new InputError(`${flag}: expected name:ms pairs such as ttft:500,tpot:50,e2e:3000, got "${text}"`);
  for (const part of parts) {
    const [name, value, extra] = part.split(':').map((s) => s.trim());
    const key = NAMES[(name ?? '').toLowerCase() as keyof typeof NAMES];
    if (key === undefined) throw new InputError(`${flag}: unknown SLO "${name}" in "${part}"; use ttft, tpot, itl or e2e`);
    const ms = Number(value);
    if (extra !== undefined || value === undefined || value === '' || !Number.isFinite(ms) || ms <= 0) {
      throw new InputError(`${flag}: ${name} needs a positive number of milliseconds (${name}:500), got "${part}"`);
    }
    if (slo[key] !== undefined) throw new InputError(`${flag}: ${name} is given twice`);
    slo[key] = ms;
  }
  return slo;
}

/** True when every SLO given holds; a request without tokens meets none that concern tokens. */
export function meetsSlo(metrics: StreamMetrics, slo: Slo): boolean {
  const within = (value: number | null, limit: number | undefined): boolean => limit === undefined || (value !== null && value <= limit);
  return (
    within(metrics.ttftMs, slo.ttftMs) &&
    within(metrics.tpotMs ?? (metrics.outputTokens === 1 ? 0 : null), slo.tpotMs) &&
    within(metrics.e2eMs, slo.e2eMs) &&
    (slo.itlMs === undefined || (metrics.ttftMs !== null && metrics.itlMs.every((gap) => gap <= slo.itlMs!)))
  );
}

export interface Goodput {
  total: number;
  good: number;
  /** good ÷ total (0 with no requests). */
  goodShare: number;
  /** Good requests per second of the run's wall time. */
  goodPerSec: number;
}

/** `ok` false marks a failed request (HTTP error, cut stream): never good, whatever its timings. */
export function goodput(requests: ReadonlyArray<{ ok: boolean; metrics: StreamMetrics }>, slo: Slo, wallMs: number): Goodput {
  const good = requests.filter((r) => r.ok && meetsSlo(r.metrics, slo)).length;
  return {
    total: requests.length,
    good,
    goodShare: requests.length === 0 ? 0 : good / requests.length,
    goodPerSec: wallMs > 0 ? good / (wallMs / 1000) : 0,
  };
}
