import { field as catalogueField, isFieldId } from '../../referral/catalogue.ts';
import { fillLoose, lookup, type Words } from './words.ts';

/**
 * The words for a problem with an answer (an issue code from referral/answer-rules.ts): the question's own
 * words for it first (questions.<id>.errors.<code>), then the general ones (errors.<code>), filled in
 * with the question's label and length limit. Used by the chat, the no-JavaScript form and the function.
 */
export function issueText(words: Words, fieldId: string, code: string, vars: Record<string, string> = {}): string {
  const own = lookup(words, `questions.${fieldId}.errors.${code}`);
  if (own) return fillLoose(own, vars);
  const entry = isFieldId(fieldId) ? catalogueField(fieldId) : undefined;
  const max = entry?.kind === 'text' ? String(entry.text.max) : '';
  const rawLabel = lookup(words, `questions.${fieldId}.label`) ?? lookup(words, `questions.${fieldId}.summary`) ?? lookup(words, `questions.${fieldId}.prompt`) ?? fieldId;
  const label = fillLoose(rawLabel, vars).replace(/\s*\(optional\)$/, '');
  const general = lookup(words, `errors.${code}`) ?? lookup(words, 'errors.invalid') ?? code;
  return fillLoose(general, { ...vars, label, max });
}
