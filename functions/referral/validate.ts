import * as z from 'zod/mini';
import { referralSchema, type Referral } from './schema.ts';

/** A problem with one field: where (dotted path) and what, in plain words for the person. */
export type FieldIssue = { path: string; message: string };

export type Validation = { ok: true; referral: Referral } | { ok: false; issues: FieldIssue[] };

/** Checks a parsed body against the referral schema, reporting every field's issue at once. */
export function validateReferral(body: unknown): Validation {
  const result = z.safeParse(referralSchema, body);
  if (result.success) return { ok: true, referral: result.data };
  // One message per field: the first rule it broke.
  const byPath = new Map<string, FieldIssue>();
  for (const issue of result.error.issues.flatMap((item) => toFieldIssues(item, body))) {
    if (!byPath.has(issue.path)) byPath.set(issue.path, issue);
  }
  return { ok: false, issues: [...byPath.values()] };
}

function toFieldIssues(issue: z.core.$ZodIssue, body: unknown): FieldIssue[] {
  const path = issue.path.map(String).join('.');
  // zod/mini ships no message text for unknown keys: name each one instead.
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ path: path ? `${path}.${key}` : key, message: 'This field is not part of a referral' }));
  }
  // zod's own wording ("Invalid input…") is for developers: our schema words every rule a person can
  // break, so what is left is a missing or mistyped answer, said plainly.
  if (issue.message.startsWith('Invalid input')) {
    const missing = valueAt(body, issue.path) === undefined;
    return [{ path: path || '(the referral)', message: missing ? 'This answer is missing' : 'This answer is not valid' }];
  }
  return [{ path: path || '(the referral)', message: issue.message }];
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let node = value;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}
