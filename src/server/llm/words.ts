// Seeded output text: one word is one token, so the token count of the text equals usage.
import type { Random } from '../../stats/random.ts';

const WORDS = `the model answers in plain words so that every token is one word and counts stay exact
latency throughput tokens stream request server client batch queue prefill decode cache prompt
answer question context window budget quota limit retry backoff jitter tail median percentile
fan out gather pool worker schedule deadline timeout cancel hedge measure compare report result
fast slow steady bursty noisy careful simple honest useful small large reasoning chat`.split(/\s+/);

/** `count` words drawn from the list; the first capitalised, the last ending with a full stop. */
export function seededWords(random: Random, count: number): string[] {
  const words: string[] = [];
  for (let i = 0; i < count; i++) words.push(WORDS[Math.floor(random() * WORDS.length)] ?? 'token');
  if (words.length > 0) {
    words[0] = words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1);
    words[words.length - 1] += '.';
  }
  return words;
}

/** What each token adds to the text: the word, preceded by a space after the first. */
export const tokenPieces = (words: readonly string[]): string[] => words.map((word, i) => (i === 0 ? word : ` ${word}`));

/** Prompt tokens estimated from text, as the common rule of thumb has it: about four characters per token. */
export function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}
