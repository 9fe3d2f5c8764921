// Bad input from the user: the CLI prints the message on one line and exits 2.
import type { z } from 'zod';

export class InputError extends Error {
  override name = 'InputError';
}

/** The first issue of a zod error as `field.path: message`. */
export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const { path, message } = innermost(issue, []);
  return path.length > 0 ? `${path.map(String).join('.')}: ${message}` : message;
}

type Issue = z.ZodError['issues'][number];

/** Inside a union that failed, the issue of the one option whose type matched (a string entry's rule,
 *  an object entry's field), so the message names that field instead of "Invalid input". */
function innermost(issue: Issue, prefix: PropertyKey[]): { path: PropertyKey[]; message: string } {
  const path = [...prefix, ...issue.path];
  // A record's key that failed its own rule: that rule's message, not "Invalid key in record".
  if (issue.code === 'invalid_key') return { path, message: issue.issues[0]?.message ?? issue.message };
  if (issue.code !== 'invalid_union') return { path, message: issue.message };
  const matched = issue.errors.filter((branch) => !branch.every((inner) => inner.code === 'invalid_type' && inner.path.length === 0));
  const first = matched.length === 1 ? matched[0]?.[0] : undefined;
  return first ? innermost(first, path) : { path, message: issue.message };
}
