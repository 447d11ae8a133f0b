import { issueText } from '../../lib/issue-words.ts';
import { fillLoose, lookupVariant, type Words } from '../../lib/words.ts';

/** Resolves a words key and fills its placeholders; a missing key shows itself, so tests catch it. */
export type Translate = (key: string, vars?: Record<string, string>, variant?: string) => string;

export function translator(words: Words): Translate {
  return (key, vars = {}, variant) => {
    const text = lookupVariant(words, key, variant);
    return text === undefined ? `[${key}]` : fillLoose(text, vars);
  };
}

/** The words for an answer's problem: a words key, or an issue code worded for its question. */
export function problemText(words: Words, t: Translate, problem: { field: string; code?: string; key?: string }, vars: Record<string, string> = {}): string {
  return problem.key ? t(problem.key, vars) : issueText(words, problem.field, problem.code ?? 'invalid', vars);
}
