import { applies, catalogue, optionsFor, prune, type Field } from './catalogue.ts';
import type { Answers } from './conditions.ts';

/** A problem with one answer: where (a dotted path) and what, as a code the reader words (errors.json). */
export type FieldIssue = { path: string; code: string };

/**
 * The questions that apply but were not answered, and choices not offered for these answers: what
 * makes a referral incomplete. Answers to questions that do not apply are not problems: `prune` drops
 * them. (The rules for each answer's own value are in schema.ts.)
 */
export function answersComplete(answers: Answers, only?: readonly string[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const kept = prune(answers);
  for (const entry of catalogue as readonly Field[]) {
    if (only && !only.includes(entry.id)) continue;
    if (entry.notAsked || !applies(entry, kept)) continue;
    const value = kept[entry.id];
    if (value === undefined) {
      if (!entry.optional) issues.push({ path: `answers.${entry.id}`, code: 'required' });
      continue;
    }
    const offered = optionsFor(entry, kept);
    if (entry.kind === 'choice' && !offered.includes(value as string)) issues.push({ path: `answers.${entry.id}`, code: 'not-an-option' });
    if (entry.kind === 'multi' && !(value as string[]).every((item) => offered.includes(item))) issues.push({ path: `answers.${entry.id}`, code: 'not-an-option' });
  }
  return issues;
}
