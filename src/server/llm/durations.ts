// Reset times as providers write them: OpenAI's Go-style durations, Anthropic's RFC 3339 instants.

/** Go's time.Duration format as OpenAI sends it: `12ms`, `1s`, `1.5s`, `6m0s`, `1h2m3s`. */
export function formatGoDuration(ms: number): string {
  const rounded = Math.max(0, Math.ceil(ms));
  if (rounded < 1000) return `${rounded}ms`;
  const hours = Math.floor(rounded / 3_600_000);
  const minutes = Math.floor((rounded % 3_600_000) / 60_000);
  const seconds = Number(((rounded % 60_000) / 1000).toFixed(3));
  if (hours > 0) return `${hours}h${minutes}m${seconds}s`;
  if (minutes > 0) return `${minutes}m${seconds}s`;
  return `${seconds}s`;
}

/** An instant `ms` after `wallMs` in RFC 3339, whole seconds, as Anthropic's reset headers carry it. */
export function rfc3339After(wallMs: number, ms: number): string {
  return new Date(Math.ceil((wallMs + ms) / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
