import * as z from 'zod/mini';
import { answerIssue, areaCodePattern, issueCodes, normalise, type IssueCode } from './answer-rules.ts';
import { catalogue, fieldIds, field as catalogueField, prune, type Field, type FieldId } from './catalogue.ts';
import { answersComplete, type FieldIssue } from './complete.ts';
import type { Answers } from './conditions.ts';

/**
 * The referral: what the chat (or the no-JavaScript form) sends, what the function checks, and what the
 * JSON attachment of the email carries (`referral.v2`, published as JSON Schema at
 * /schemas/referral.v2.json). Its answers are exactly the catalogue's fields, so a new question is
 * checked the moment it is added there. Each answer's own rules are in answer-rules.ts (shared with the
 * chat); this file adds the envelope, written with `zod/mini`.
 *
 * Every problem is reported at once, as a code worded per locale by the reader
 * (content/locales/<locale>/errors.json). Unknown keys are rejected; an answer to a question that does
 * not apply is dropped.
 */
export const REFERRAL_VERSION = 'referral.v2';
export { issueCodes, type IssueCode };

/** A description of one answer's value, for the published JSON Schema (the rules themselves are answer-rules.ts). */
function describe(entry: Field) {
  switch (entry.kind) {
    case 'choice':
      return z.enum(entry.options as unknown as [string, ...string[]]);
    case 'multi':
      return z.array(z.enum(entry.options as unknown as [string, ...string[]])).check(z.minLength(1));
    case 'text':
      return z.string().check(z.minLength(1), z.maxLength(entry.text.max));
    case 'place':
      return z.string().check(z.regex(areaCodePattern));
    case 'agreement':
      return z.boolean();
  }
}

/** The answers: every catalogue field, each optional in shape; which are required depends on the others. */
export const answersSchema = z.strictObject(
  Object.fromEntries((catalogue as readonly Field[]).map((entry) => [entry.id, z.optional(describe(entry))])) as unknown as Record<FieldId, z.ZodMiniOptional<z.ZodMiniType>>,
);

export const referralSchema = z.strictObject({
  /** The answers, keyed by catalogue field (`area` is where the person lives: it decides the route). */
  answers: answersSchema,
  /** A random key the chat makes once per referral (the form makes it from the answers): a retry never sends twice. */
  idempotencyKey: z.uuid({ error: 'invalid' }),
  /** Bot protection: the time-trap token the function issued. */
  token: z.optional(z.string().check(z.maxLength(200))),
  /** Bot protection: a field people never see. Anything in it means a bot; the answer looks like success. */
  website: z.optional(z.string().check(z.maxLength(200))),
});

export type ReferralAnswers = Partial<Record<FieldId, string | string[] | boolean>>;
export type Referral = { answers: ReferralAnswers; idempotencyKey: string; token?: string; website?: string };
export type { FieldIssue };
export type Validation = { ok: true; referral: Referral } | { ok: false; issues: FieldIssue[] };

const envelopeSchema = z.strictObject({
  answers: z.record(z.string(), z.unknown()),
  idempotencyKey: referralSchema.shape.idempotencyKey,
  token: referralSchema.shape.token,
  website: referralSchema.shape.website,
});

/**
 * Checks a parsed body and reports every problem at once: the envelope; unknown answers; then, once
 * answers to questions that do not apply are dropped, each answer's rules and the questions that apply
 * but were not answered.
 */
export function validateReferral(body: unknown): Validation {
  const envelope = z.safeParse(envelopeSchema, body);
  if (!envelope.success) return { ok: false, issues: firstPerPath(envelope.error.issues.flatMap((issue) => toIssues(issue, body))) };
  const given = envelope.data.answers;
  const unknown = Object.keys(given).filter((key) => !fieldIds.includes(key as FieldId));
  if (unknown.length > 0) return { ok: false, issues: unknown.map((key) => ({ path: `answers.${key}`, code: 'unknown-field' })) };
  const answers: Record<string, unknown> = {};
  const issues: FieldIssue[] = [];
  for (const [id, value] of Object.entries(prune(given as Answers))) {
    const entry = catalogueField(id);
    const code = answerIssue(entry, value);
    if (code) issues.push({ path: `answers.${id}`, code });
    else answers[id] = normalise(entry, value);
  }
  const complete = answersComplete(answers as Answers).filter((issue) => !issues.some((found) => found.path === issue.path));
  if (issues.length + complete.length > 0) return { ok: false, issues: [...issues, ...complete] };
  return { ok: true, referral: { ...envelope.data, answers: answers as ReferralAnswers } };
}

function firstPerPath(issues: readonly FieldIssue[]): FieldIssue[] {
  const byPath = new Map<string, FieldIssue>();
  for (const issue of issues) if (!byPath.has(issue.path)) byPath.set(issue.path, issue);
  return [...byPath.values()];
}

function toIssues(issue: z.core.$ZodIssue, body: unknown): FieldIssue[] {
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ path: path ? `${path}.${key}` : key, code: 'unknown-field' }));
  const code = (issueCodes as readonly string[]).includes(issue.message) ? issue.message : valueAt(body, issue.path) === undefined ? 'required' : 'invalid';
  return [{ path: path || '(the referral)', code }];
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let node = value;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}
