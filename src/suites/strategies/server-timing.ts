// Reads the delay the server says it served from `Server-Timing: initial_delay;dur=…`.
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
