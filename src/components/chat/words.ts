import { lookup, type Words } from '../../lib/words.ts';

/** Resolves a words key and fills its placeholders; a missing key shows itself, so tests catch it. */
export type Translate = (key: string, vars?: Record<string, string>) => string;

export function translator(words: Words): Translate {
  return (key, vars = {}) => {
    const text = lookup(words, key);
    if (text === undefined) return `[${key}]`;
    return text.replace(/\{(\w+)\}/g, (_, name: string) => vars[name] ?? '');
  };
}
