import * as z from 'zod';
import type { Words } from '../lib/words.ts';

/**
 * A locale's words (content/locales/<locale>/*.json): nested groups of sentences, looked up by dotted
 * keys such as `questions.harm.options.robbery`. `{name}` placeholders are filled in where they are
 * shown. A key ending `_responsible` holds the person responsible's own words for the same thing.
 * `$comment` keys are notes for editors and are dropped.
 */
export type { Words };

export const wordsSchema: z.ZodType<Words> = z.lazy(() =>
  z.record(z.string().regex(/^[a-zA-Z0-9-]+(_[a-z]+)?$/, { error: 'keys are letters, digits and dashes (with an optional _variant)' }), z.union([z.string().min(1), wordsSchema])),
);
