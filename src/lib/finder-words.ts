import words from '../../content/finder.json' with { type: 'json' };
import { finderWordsSchema } from '../schemas/finder-words.ts';
import { parseContentFile } from './validation.ts';

/** The finder's words, checked against their schema when the site is built. */
export const finderWords = parseContentFile(finderWordsSchema, 'finder words', 'content/finder.json', words);
