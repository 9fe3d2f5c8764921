// A small seeded PRNG (mulberry32) so weighted statuses and /bytes are reproducible run to run.
export type Random = () => number;

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A draw in [0, 1) fixed by (seed, key) alone, whatever order requests arrive in: FNV-1a of the key,
 *  mixed with the seed, then one mulberry32 step. */
export function keyedUnit(seed: number, key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return seededRandom((hash ^ seed) >>> 0)();
}
