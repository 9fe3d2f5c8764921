// Bad input from the user: the CLI prints the message on one line and exits 2.
import type { z } from 'zod';

export class InputError extends Error {
  override name = 'InputError';
}

/** The first issue of a zod error as `field.path: message`. */
export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}
