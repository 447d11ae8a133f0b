import * as z from 'zod/mini';
import { referralSchema, type Referral } from './schema.ts';

/** A problem with one field: where (dotted path) and what, in plain words for the person. */
export type FieldIssue = { path: string; message: string };

export type Validation = { ok: true; referral: Referral } | { ok: false; issues: FieldIssue[] };

/** Checks a parsed body against the referral schema, reporting every field issue at once. */
export function validateReferral(body: unknown): Validation {
  const result = z.safeParse(referralSchema, body);
  if (result.success) return { ok: true, referral: result.data };
  return { ok: false, issues: result.error.issues.flatMap(toFieldIssues) };
}

function toFieldIssues(issue: z.core.$ZodIssue): FieldIssue[] {
  const path = issue.path.map(String).join('.');
  // zod/mini ships no message text for unknown keys: name each one instead.
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ path: path ? `${path}.${key}` : key, message: 'This field is not part of a referral' }));
  }
  if (issue.code === 'invalid_type' && issue.input === undefined && issue.message === 'Invalid input') {
    return [{ path, message: 'This answer is missing' }];
  }
  const message = issue.message === 'Invalid input' ? 'This answer is not valid' : issue.message;
  return [{ path: path || '(the referral)', message }];
}
