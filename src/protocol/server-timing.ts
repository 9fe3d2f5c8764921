// Server-Timing as the delay server writes it and the harness reads it: `initial_delay;dur=…`.
const INITIAL_DELAY = /(?:^|,)\s*initial_delay\s*;(?:[^,]*;)?\s*dur=([\d.]+)/;

export function servedDelayMs(header: string | null): number | undefined {
  if (header === null) return undefined;
  const match = INITIAL_DELAY.exec(header);
  return match ? Number(match[1]) : undefined;
}

/** `initial_delay;dur=…` as go-httpbin sends it, plus what was asked for when a delay was clamped or skipped. */
export function serverTiming(servedMs: number, requestedMs?: number, why = 'clamped to max delay'): string {
  const parts = [`initial_delay;dur=${servedMs.toFixed(2)};desc="initial delay"`];
  if (requestedMs !== undefined && requestedMs !== servedMs) {
    parts.push(`requested_delay;dur=${requestedMs.toFixed(2)};desc="${why}"`);
  }
  return parts.join(', ');
}
