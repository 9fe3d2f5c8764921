// Server-Timing as the delay server writes it and the harness reads it: `initial_delay;dur=…`.
const INITIAL_DELAY = /(?:^|,)\s*initial_delay\s*;(?:[^,]*;)?\s*dur=([\d.]+)/;

// A fan-out's responses mostly carry the same header text: the last one read is remembered.
let lastHeader: string | null = null;
let lastDelayMs: number | undefined;

export function servedDelayMs(header: string | null): number | undefined {
  if (header === null) return undefined;
  if (header === lastHeader) return lastDelayMs;
  const match = INITIAL_DELAY.exec(header);
  lastHeader = header;
  lastDelayMs = match ? Number(match[1]) : undefined;
  return lastDelayMs;
}

// A server under load answers one delay over and over: the last header text written is remembered.
let lastTiming: { servedMs: number; requestedMs: number | undefined; why: string; text: string } | null = null;

/** `initial_delay;dur=…` as go-httpbin sends it, plus what was asked for when a delay was clamped or skipped. */
export function serverTiming(servedMs: number, requestedMs?: number, why = 'clamped to max delay'): string {
  if (lastTiming !== null && lastTiming.servedMs === servedMs && lastTiming.requestedMs === requestedMs && lastTiming.why === why) return lastTiming.text;
  const text = formatServerTiming(servedMs, requestedMs, why);
  lastTiming = { servedMs, requestedMs, why, text };
  return text;
}

function formatServerTiming(servedMs: number, requestedMs: number | undefined, why: string): string {
  const parts = [`initial_delay;dur=${servedMs.toFixed(2)};desc="initial delay"`];
  if (requestedMs !== undefined && requestedMs !== servedMs) {
    parts.push(`requested_delay;dur=${requestedMs.toFixed(2)};desc="${why}"`);
  }
  return parts.join(', ');
}
