// Route lookups remembered by method and raw request target. A load generator, or a fan-out, sends
// the same few targets thousands of times a second: the path split and the route table's regular
// expressions then run once per target instead of once per request. Bounded: a method's table is
// emptied when it fills, so a client sending endless distinct targets costs a lookup, not memory.

/** Distinct targets remembered per method. */
export const MAX_REMEMBERED_TARGETS = 512;

/** `resolve` must be a pure function of (target, method); its result is shared by every request for
 *  that target, so callers must not mutate it. */
export function memoByTarget<T>(resolve: (target: string, method: string) => T): (target: string, method: string) => T {
  const byMethod = new Map<string, Map<string, T>>();
  return (target, method) => {
    let targets = byMethod.get(method);
    if (targets === undefined) {
      targets = new Map();
      byMethod.set(method, targets);
    }
    const remembered = targets.get(target);
    if (remembered !== undefined || targets.has(target)) return remembered as T;
    if (targets.size >= MAX_REMEMBERED_TARGETS) targets.clear();
    const resolved = resolve(target, method);
    targets.set(target, resolved);
    return resolved;
  };
}
