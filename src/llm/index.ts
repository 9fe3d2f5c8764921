// Client-side LLM stream metrics, pure: SSE parsing, token timing, goodput against SLOs, tail amplification.
export { parseSseEvents, type TimedChunk, type TimedEvent } from './sse.ts';
export { tokenStream, tokensFromEvents, type StreamFormat, type TokenStream } from './tokens.ts';
export { streamMetrics, type StreamMetrics } from './metrics.ts';
export { goodput, meetsSlo, parseSlo, type Goodput, type Slo } from './slo.ts';
export { maxOfNLevel, predictedMaxQuantile, tailAmplification, type TailAmplification } from './tail.ts';
