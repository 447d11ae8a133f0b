import { catalogue, fieldsAsked, prune, stepById, steps, stepsAsked, type Field } from './catalogue.ts';
import { dependsOn, type Answers } from './conditions.ts';
import { answersComplete } from './complete.ts';
import { checkAnswers } from './answer-rules.ts';

/** A problem with an answer on a form page: the field, and an issue code (referral/schema.ts). */
export type FormIssue = { field: string; code: string };

/**
 * The no-JavaScript form's steps: which questions the next page asks, given the answers so far. The
 * same catalogue as the chat decides; a question goes on a page only when the answers that decide
 * whether it is asked were given on an earlier page, so the form asks exactly what the chat asks.
 * After the screening questions comes a page saying what the answers mean (the same rules and notes
 * as the chat); after the last question, check your answers, whose send button carries the token.
 */
export const OUTCOME = 'outcome';
const MAX_STEPS_PER_PAGE = 6;

/** The answers a form post carries: every catalogue field, by its kind. */
export function answersFromForm(form: URLSearchParams): Answers {
  const answers: Record<string, Answers[string]> = {};
  for (const entry of catalogue as readonly Field[]) {
    if (entry.kind === 'multi') {
      const values = form.getAll(entry.id).filter((value) => value.trim() !== '');
      if (values.length > 0) answers[entry.id] = values;
    } else if (entry.kind === 'agreement') {
      if (form.get(entry.id) === 'yes') answers[entry.id] = true;
    } else {
      const value = form.get(entry.id);
      if (value !== null && value.trim() !== '') answers[entry.id] = value.trim();
    }
  }
  return prune(answers);
}

export const listOf = (value: string | null): string[] => (value ?? '').split(',').map((item) => item.trim()).filter((item) => stepById(item) !== undefined || item === OUTCOME);

/**
 * The steps of the next page: the unseen steps that apply, in catalogue order, stopping at the first
 * step whose asking (or whose options) depends on an answer given on this same page: whether it applies
 * is decided once this page is sent, so it goes on the next.
 */
export function nextPage(answers: Answers, seen: readonly string[]): string[] {
  const applicable = new Set(stepsAsked(answers));
  const page: string[] = [];
  for (const definition of steps) {
    if (seen.includes(definition.id)) continue;
    const first = page[0] ? stepById(page[0]) : undefined;
    if (first && first.phase !== definition.phase) break;
    // The screening questions end with what the answers mean, before any referral question.
    if (definition.phase === 'details' && !seen.includes(OUTCOME)) break;
    const onPage = new Set(page.flatMap((id) => stepById(id)?.fields.map((entry) => entry.id) ?? []));
    const decidedHere = definition.fields.some((entry) => dependsOn(entry.when).some((id) => onPage.has(id)) || dependsOptions(entry).some((id) => onPage.has(id)));
    if (page.length > 0 && decidedHere) break;
    if (!applicable.has(definition.id)) continue;
    if (page.length >= MAX_STEPS_PER_PAGE) break;
    page.push(definition.id);
    // After the place comes the question that names it.
    if (definition.fields.some((entry) => entry.kind === 'place')) break;
  }
  return page;
}

/** The answers an option list depends on (some options are offered only after certain answers). */
function dependsOptions(entry: Field): string[] {
  if (entry.kind !== 'choice' && entry.kind !== 'multi') return [];
  return Object.values(entry.optionWhen ?? {}).flatMap((condition) => dependsOn(condition));
}

/** Whether every screening step that applies has been shown. */
export function screeningDone(answers: Answers, seen: readonly string[]): boolean {
  return stepsAsked(answers, 'screen').every((step) => seen.includes(step));
}

/** The problems with the answers to the steps on a posted page. */
export function pageIssues(answers: Answers, page: readonly string[]): FormIssue[] {
  const fields = page.flatMap((step) => fieldsAsked(step, answers));
  const values: Record<string, unknown> = Object.fromEntries(fields.map((entry) => [entry.id, answers[entry.id]]));
  const typed = checkAnswers(values, fields).map((issue) => ({ field: issue.path, code: issue.code }));
  const complete = answersComplete(answers, fields.map((entry) => entry.id))
    .filter((issue) => !typed.some((found) => `answers.${found.field}` === issue.path))
    .map((issue) => ({ field: issue.path.replace(/^answers\./, ''), code: issue.code }));
  return [...typed, ...complete];
}

