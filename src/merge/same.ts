// The refusal rule of merging: parts that must be measured alike are compared as JSON, and the
// first difference becomes one line naming the part, the field and both runners' values.
import { InputError } from '../util/input-error.ts';

export interface Sourced<T> {
  source: string;
  value: T;
}

/** Throws an InputError when any runner's `value` differs from the first one's in a field. */
export function requireSame<T extends object>(what: string, parts: ReadonlyArray<Sourced<T>>): void {
  const [first, ...rest] = parts;
  if (!first) return;
  for (const other of rest) {
    const field = firstDifference(first.value, other.value);
    if (field !== null) {
      throw new InputError(
        `merge: ${what} differs between ${first.source} and ${other.source} in ${field.path} (${field.a} vs ${field.b}): merge reports of the same bench only`,
      );
    }
  }
}

interface Difference {
  path: string;
  a: string;
  b: string;
}

function firstDifference(a: unknown, b: unknown, path = ''): Difference | null {
  if (isRecord(a) && isRecord(b) && !Array.isArray(a) && !Array.isArray(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const found = firstDifference(a[key], b[key], path ? `${path}.${key}` : key);
      if (found) return found;
    }
    return null;
  }
  const textA = JSON.stringify(a) ?? 'absent';
  const textB = JSON.stringify(b) ?? 'absent';
  return textA === textB ? null : { path: path || '(value)', a: clip(textA), b: clip(textB) };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const clip = (text: string): string => (text.length > 60 ? `${text.slice(0, 57)}...` : text);

/** Groups each runner's items by key; every key must exist on every runner. */
export function matchByKey<T>(what: string, runners: ReadonlyArray<Sourced<readonly T[]>>, keyOf: (item: T) => string): Array<{ key: string; items: Array<Sourced<T>> }> {
  const [first, ...rest] = runners;
  if (!first) return [];
  const groups = first.value.map((item) => ({ key: keyOf(item), items: [{ source: first.source, value: item }] }));
  const byKey = new Map(groups.map((group) => [group.key, group]));
  if (byKey.size !== groups.length) throw new InputError(`merge: ${first.source} has two ${what} with the same key`);
  for (const runner of rest) {
    const keys = new Set<string>();
    for (const item of runner.value) {
      const key = keyOf(item);
      const group = byKey.get(key);
      if (!group) throw new InputError(`merge: ${what} ${key} is in ${runner.source} but not in ${first.source}`);
      if (keys.has(key)) throw new InputError(`merge: ${runner.source} has two ${what} with the key ${key}`);
      keys.add(key);
      group.items.push({ source: runner.source, value: item });
    }
    const absent = groups.find((group) => !keys.has(group.key));
    if (absent) throw new InputError(`merge: ${what} ${absent.key} is in ${first.source} but not in ${runner.source}`);
  }
  return groups;
}
