import { defaultLocale } from './locale.ts';
import { fill, lookup, type Words } from './words.ts';

/**
 * Words for the site's page templates, from content/locales/<locale>/ (for now the area pages:
 * areas.json). A missing key or value stops the build, naming it: a page never shows a bare key.
 */
const files = import.meta.glob<Words>('../../content/locales/*/areas.json', { eager: true, import: 'default' });

export type PageWords = (key: string, vars?: Record<string, string | number>) => string;

export function areaPageWords(locale = defaultLocale): PageWords {
  const words = files[`../../content/locales/${locale}/areas.json`];
  if (!words) throw new Error(`content/locales/${locale}/areas.json is missing`);
  return (key, vars = {}) => {
    const text = lookup(words, key);
    if (text === undefined) throw new Error(`content/locales/${locale}/areas.json has no "${key}"`);
    return fill(text, vars);
  };
}
