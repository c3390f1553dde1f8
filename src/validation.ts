import { z } from 'zod';

// Every message zod produces at the edge reaches a Norwegian user; field schemas add their own
// wording where the generic one would be unclear.
z.config(z.locales.no());

export { z };

/** One readable Norwegian sentence for all the problems in an input. */
export function describeIssues(error: z.ZodError, subject = 'Ugyldig innhold'): string {
  const parts = error.issues.map((issue) => {
    const field = issue.path.join('.');
    return field ? `${field}: ${issue.message}` : issue.message;
  });
  return `${subject}: ${parts.join('; ')}.`;
}
