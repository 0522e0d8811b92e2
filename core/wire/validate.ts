// Boundary validation: every input from outside goes through one of these, so a refusal
// always reads the same way and names the field ("events.3.data.stars: stars run from 1 to 5").
import type { z } from 'zod';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string; issues: Issue[] };
export interface Issue {
  path: string;
  message: string;
}

function issuesOf(error: z.ZodError): Issue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}

/** One line naming each failing field; the first few only, so a huge bad input stays readable. */
export function describeIssues(issues: readonly Issue[], limit = 5): string {
  const shown = issues.slice(0, limit).map((i) => `${i.path}: ${i.message}`);
  const more = issues.length > limit ? `; and ${issues.length - limit} more` : '';
  return shown.join('; ') + more;
}

export function parseWith<S extends z.ZodType>(schema: S, input: unknown, what: string): Parsed<z.infer<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const issues = issuesOf(result.error);
  return { ok: false, issues, error: `invalid ${what}: ${describeIssues(issues)}` };
}

export class ValidationError extends Error {
  constructor(
    message: string,
    readonly issues: readonly Issue[],
  ) {
    super(message);
    this.name = 'ValidationError';
  }
}

/** parseWith that throws a ValidationError naming the fields. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const parsed = parseWith(schema, input, what);
  if (!parsed.ok) throw new ValidationError(parsed.error, parsed.issues);
  return parsed.value;
}
