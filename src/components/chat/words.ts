import { issueText } from '../../lib/issue-words.ts';
import { lookup, type Words } from '../../lib/words.ts';

/** Resolves a words key and fills its placeholders; a missing key shows itself, so tests catch it. */
export type Translate = (key: string, vars?: Record<string, string>, variant?: string) => string;

/**
 * With a `variant` (the person responsible's own words), `a.b.prompt` is looked up as
 * `a.b.prompt_responsible` and `a.b.options.yes` as `a.b.options_responsible.yes` first.
 */
function variantKeys(key: string, variant: string | undefined): string[] {
  if (!variant) return [key];
  const parts = key.split('.');
  const last = [...parts.slice(0, -1), `${parts.at(-1)}_${variant}`].join('.');
  const parent = parts.length > 1 ? [...parts.slice(0, -2), `${parts.at(-2)}_${variant}`, parts.at(-1)].join('.') : key;
  return [last, parent, key];
}

export function translator(words: Words): Translate {
  return (key, vars = {}, variant) => {
    for (const candidate of variantKeys(key, variant)) {
      const text = lookup(words, candidate);
      if (text !== undefined) return text.replace(/\{(\w+)\}/g, (_, name: string) => vars[name] ?? '');
    }
    return `[${key}]`;
  };
}

/** The words for an answer's problem: a words key, or an issue code worded for its question. */
export function problemText(words: Words, t: Translate, problem: { field: string; code?: string; key?: string }, vars: Record<string, string> = {}): string {
  return problem.key ? t(problem.key, vars) : issueText(words, problem.field, problem.code ?? 'invalid', vars);
}
