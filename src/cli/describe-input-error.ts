import type { z } from 'zod';

/**
 * Names the fields of an input record that are wrong, never their values:
 * a record may be a protected post, and its text must not reach any output.
 */
export function describeInputError(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'record'}: ${issue.message}`)
    .join('; ');
}
