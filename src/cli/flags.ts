// Flag values are validated here, once, into typed options; every message names the flag.
import { InputError } from '../util/input-error.ts';

export function positiveInt(flag: string, raw: string): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < 1) {
    throw new InputError(`--${flag}: expected a positive integer, got "${raw}"`);
  }
  return n;
}

export function nonNegativeInt(flag: string, raw: string): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n)) throw new InputError(`--${flag}: expected a whole number ≥ 0, got "${raw}"`);
  return n;
}

export function positiveNumber(flag: string, raw: string): number {
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || n <= 0) throw new InputError(`--${flag}: expected a positive number, got "${raw}"`);
  return n;
}

export function nonNegativeNumber(flag: string, raw: string): number {
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || n < 0) throw new InputError(`--${flag}: expected a number ≥ 0, got "${raw}"`);
  return n;
}

/** At most `max`: node timers overflow past 2^31 ms (~24.8 days) and would fire at once. */
export function atMost(flag: string, value: number, max: number): number {
  if (value > max) throw new InputError(`--${flag}: expected at most ${max}, got ${value}`);
  return value;
}

/** Largest time scale and delay the CLI accepts, keeping every served delay far below node's timer limit. */
export const MAX_TIME_SCALE = 1000;
export const MAX_DELAY_S = 3600;

export function oneOf<T extends string>(flag: string, raw: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(raw)) throw new InputError(`--${flag}: expected one of ${allowed.join(', ')}, got "${raw}"`);
  return raw as T;
}

/** A comma-separated list; repeated flags add to it. Duplicates are dropped, order kept. */
export function splitList(raw: readonly string[]): string[] {
  return [...new Set(raw.flatMap((item) => item.split(',')).map((item) => item.trim()).filter((item) => item !== ''))];
}

export function listOf<T>(flag: string, raw: readonly string[], parse: (item: string) => T): T[] {
  const items = splitList(raw);
  if (items.length === 0) throw new InputError(`--${flag}: expected a comma-separated list, got "${raw.join(',')}"`);
  return items.map(parse);
}
