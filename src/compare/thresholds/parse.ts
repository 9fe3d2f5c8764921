// k6-style threshold expressions: `<stat> <op> <number>`, e.g. `p50 < 2100`, `mean > 10000`.
// Anything else is rejected with a message quoting the offending text.

export const THRESHOLD_STATS = ['p50', 'p90', 'p95', 'p99', 'mean', 'min', 'max', 'median'] as const;
export type ThresholdStat = (typeof THRESHOLD_STATS)[number];
export const THRESHOLD_OPS = ['<', '<=', '>', '>=', '=='] as const;
export type ThresholdOp = (typeof THRESHOLD_OPS)[number];

export interface ThresholdRule {
  expression: string;
  stat: ThresholdStat;
  op: ThresholdOp;
  limit: number;
}

export type ParsedThreshold = { ok: true; rule: ThresholdRule } | { ok: false; error: string };

const SHAPE = /^\s*([A-Za-z0-9_.()]+)\s*([<>=!]+)\s*(\S+)\s*$/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export function parseThreshold(expression: string): ParsedThreshold {
  const match = SHAPE.exec(expression);
  if (!match) return { ok: false, error: `"${expression}" is not "<stat> <op> <number>" (e.g. "p50 < 2100")` };
  const [, stat = '', op = '', number = ''] = match;
  if (!(THRESHOLD_STATS as readonly string[]).includes(stat)) {
    return { ok: false, error: `unknown statistic "${stat}" in "${expression}" (expected one of ${THRESHOLD_STATS.join(', ')})` };
  }
  if (!(THRESHOLD_OPS as readonly string[]).includes(op)) {
    return { ok: false, error: `unknown operator "${op}" in "${expression}" (expected one of ${THRESHOLD_OPS.join(' ')})` };
  }
  if (!NUMBER.test(number)) return { ok: false, error: `"${number}" is not a number in "${expression}"` };
  return { ok: true, rule: { expression: expression.trim(), stat: stat as ThresholdStat, op: op as ThresholdOp, limit: Number(number) } };
}

export function holds(actual: number, op: ThresholdOp, limit: number): boolean {
  switch (op) {
    case '<':
      return actual < limit;
    case '<=':
      return actual <= limit;
    case '>':
      return actual > limit;
    case '>=':
      return actual >= limit;
    case '==':
      return actual === limit;
  }
}
