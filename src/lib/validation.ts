import type * as z from 'zod';

/** A validation problem for one field: where it is (dotted path) and what is wrong, in plain words. */
export type FieldIssue = { path: string; message: string };

/** Turns zod issues into field issues with dotted paths, e.g. `provider.phones.0.number`. */
export function toFieldIssues(issues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  return issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(the whole record)',
    message: issue.message,
  }));
}

/** One readable error for a file that breaks its schema: a preamble, then one line per field. */
export class ContentFileError extends Error {
  override name = 'ContentFileError';
  readonly file: string;
  readonly issues: FieldIssue[];

  constructor(file: string, schemaName: string, issues: FieldIssue[]) {
    const lines = issues.map((issue) => `  - ${issue.path}: ${issue.message}`);
    super(`${file} does not match the ${schemaName} schema:\n${lines.join('\n')}`);
    this.file = file;
    this.issues = issues;
  }
}

/** Parses `data` with `schema`, or throws a ContentFileError naming the file and every bad field. */
export function parseContentFile<T extends z.ZodType>(
  schema: T,
  schemaName: string,
  file: string,
  data: unknown,
): z.output<T> {
  const result = schema.safeParse(data);
  if (!result.success) throw new ContentFileError(file, schemaName, toFieldIssues(result.error.issues));
  return result.data;
}
