import * as z from 'zod';

/**
 * The chat's words (content/chat/*.json): nested groups of sentences, looked up by dotted keys such as
 * `harm.options.robbery`. `{name}` placeholders are filled in by the chat. A test walks every path of
 * the charts and checks that each key they use is here.
 */
import type { Words } from '../lib/words.ts';

export type { Words };

export const wordsSchema: z.ZodType<Words> = z.lazy(() =>
  z.record(z.string().regex(/^[a-zA-Z0-9-]+$/, { error: 'keys are letters, digits and dashes' }), z.union([z.string().min(1), wordsSchema])),
);
