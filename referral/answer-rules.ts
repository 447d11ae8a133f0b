import type { Field } from './catalogue.ts';
import type { FieldIssue } from './complete.ts';

/**
 * The rules for one answer's value, written once: the chat checks each step with them, the
 * no-JavaScript form each page, and the function every referral (referral/schema.ts). Plain functions,
 * so the browser needs no validation library for them.
 *
 * Single-line answers refuse control characters, line breaks, direction overrides and invisible
 * characters (which also stops header injection in the email); every text has a length cap.
 */
export const issueCodes = ['required', 'not-an-option', 'choose-one', 'each-once', 'too-long', 'one-line', 'hidden-character', 'special-character', 'phone', 'email', 'crime-reference', 'area', 'unknown-field', 'invalid'] as const;
export type IssueCode = (typeof issueCodes)[number];

// Control characters, including CR, LF, tab, DEL and the C1 range; also the Unicode line separators.
const controlCharacters = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
// Multi-line text may hold line breaks (CR, LF) but no other control characters.
const controlExceptNewlines = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/;
// Characters that change how the text around them is shown, so a provider could read something other
// than what was sent: bidirectional embeddings, overrides, isolates and marks, and invisible spaces.
// The zero-width joiner and non-joiner (U+200C, U+200D) stay allowed: Persian and Indic names need them.
const hiddenCharacters = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b\u2060-\u2064\u180e\ufeff]/;
// An email address as browsers check `type=email`: a local part, @, and a domain with a dot.
const emailAddress = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
export const areaCodePattern = /^(E23|W15)\d{6}$/;

/** A UK phone number: digits, spaces, brackets and dashes, an optional leading +, 10 to 15 digits. */
function isPhoneNumber(value: string): boolean {
  const digits = value.replace(/\D/g, '').length;
  return /^\+?[0-9 ()-]{10,20}$/.test(value) && digits >= 10 && digits <= 15;
}

/** The value as it is kept: text trimmed; everything else as given. */
export function normalise(entry: Field, value: unknown): unknown {
  return entry.kind === 'text' && typeof value === 'string' ? value.trim() : value;
}

/** Whether an answer is shown as not given (check your answers, the email): nothing, an empty box or no ticks. An unticked box is shown as "No". */
export function shownAsNotGiven(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/** Whether an answer was given at all (an empty box, no ticks, or an unticked agreement is none). */
export function isAnswered(value: unknown): boolean {
  return !(value === undefined || value === null || value === false || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0));
}

/** What is wrong with a given answer, or undefined when it follows every rule. */
export function answerIssue(entry: Field, raw: unknown): IssueCode | undefined {
  const value = normalise(entry, raw);
  switch (entry.kind) {
    case 'choice':
      return typeof value === 'string' && entry.options.includes(value) ? undefined : 'not-an-option';
    case 'multi': {
      if (!Array.isArray(value) || value.length === 0) return 'required';
      if (!value.every((item) => typeof item === 'string' && entry.options.includes(item))) return 'not-an-option';
      if (new Set(value).size !== value.length) return 'each-once';
      if (value.length > 1 && value.some((item) => (entry.exclusive ?? []).includes(item))) return 'choose-one';
      return undefined;
    }
    case 'text': {
      if (typeof value !== 'string' || value === '') return 'required';
      const { max, multiline, format } = entry.text;
      if (value.length > max) return 'too-long';
      if ((multiline ? controlExceptNewlines : controlCharacters).test(value)) return multiline ? 'special-character' : 'one-line';
      if (hiddenCharacters.test(value)) return 'hidden-character';
      if (format === 'phone' && !isPhoneNumber(value)) return 'phone';
      if (format === 'email' && !emailAddress.test(value)) return 'email';
      if (format === 'crime-reference' && !/^[A-Za-z0-9/ -]+$/.test(value)) return 'crime-reference';
      return undefined;
    }
    case 'place':
      return typeof value === 'string' && areaCodePattern.test(value) ? undefined : 'area';
    case 'agreement':
      return typeof value === 'boolean' ? undefined : 'invalid';
  }
}

/** The problems with one step's answers: each field's rule, and "required" for an unanswered one that is not optional. */
export function checkAnswers(values: Readonly<Record<string, unknown>>, fields: readonly Field[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const entry of fields) {
    const value = values[entry.id];
    if (!isAnswered(value)) {
      if (!entry.optional) issues.push({ path: entry.id, code: 'required' });
      continue;
    }
    const code = answerIssue(entry, value);
    if (code) issues.push({ path: entry.id, code });
  }
  return issues;
}
