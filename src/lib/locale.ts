import { wordsSchema } from '../schemas/words.ts';
import { parseContentFile } from './validation.ts';
import type { Words } from './words.ts';

/**
 * Every sentence a person or a provider reads comes from content/locales/<locale>/: the conversation
 * and its questions, the no-JavaScript form and the function's pages, the referral email, and the
 * messages for answers that need a change. Adding a language means adding that folder with the same
 * files; nothing here names a language but the default.
 */
export const defaultLocale = 'en';

/** The files of a locale, and where their words sit in the whole: `conversation` at the top, the rest under their names. */
const files = {
  conversation: (locale: string) => import(`../../content/locales/${locale}/conversation.json`, { with: { type: 'json' } }),
  questions: (locale: string) => import(`../../content/locales/${locale}/questions.json`, { with: { type: 'json' } }),
  errors: (locale: string) => import(`../../content/locales/${locale}/errors.json`, { with: { type: 'json' } }),
  form: (locale: string) => import(`../../content/locales/${locale}/form.json`, { with: { type: 'json' } }),
  email: (locale: string) => import(`../../content/locales/${locale}/email.json`, { with: { type: 'json' } }),
} as const;
export type WordsFile = keyof typeof files;

const loaded = new Map<string, Promise<Words>>();

async function loadFile(locale: string, name: WordsFile): Promise<Words> {
  const module = (await files[name](locale)) as { default: Record<string, unknown> };
  const { $comment: _comment, ...words } = module.default;
  return parseContentFile(wordsSchema, 'words', `content/locales/${locale}/${name}.json`, words);
}

/** All of a locale's words, checked against the words schema, loaded once. */
export function loadWords(locale = defaultLocale): Promise<Words> {
  let words = loaded.get(locale);
  if (!words) {
    words = (async () => {
      const [conversation, questions, errors, form, email] = await Promise.all((Object.keys(files) as WordsFile[]).map((name) => loadFile(locale, name)));
      return { ...conversation, questions: questions as Words, errors: errors as Words, form: form as Words, email: email as Words };
    })();
    loaded.set(locale, words);
  }
  return words;
}

/** The words the chat needs in the browser (everything but the email and the form's pages). */
export function chatPart(words: Words): Words {
  const { email: _email, ...rest } = words;
  return rest;
}
