// Reads the delay the server says it served from `Server-Timing: initial_delay;dur=…`.
const INITIAL_DELAY = /(?:^|,)\s*initial_delay\s*;(?:[^,]*;)?\s*dur=([\d.]+)/;

export function servedDelayMs(header: string | null): number | undefined {
  if (header === null) return undefined;
  const match = INITIAL_DELAY.exec(header);
  return match ? Number(match[1]) : undefined;
}
