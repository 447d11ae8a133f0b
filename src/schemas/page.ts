import * as z from 'zod';
import { isoDate, line } from './common.ts';

/** Front matter of a page of words in `content/pages/<slug>.md`. The file name is the page address. */
export const pageSchema = z.strictObject({
  /** The page heading (h1) and the start of the browser tab title. */
  title: line(90),
  /** One plain sentence for search results and link previews, at most 160 characters. */
  description: line(160),
  /** A shorter name for menus and footers; defaults to the title. */
  navTitle: line(40).optional(),
  /** Position in the footer list of pages: lower numbers come first. */
  order: z.number().int().min(0),
  /**
   * `true` when a page of its own in `src/pages/` shows these words around other content (the home
   * page, the evidence, getting help, finding your area); `false` shows them at /<file name>/.
   */
  standalone: z.boolean().default(false),
  /** The date the words were last reviewed (YYYY-MM-DD). */
  reviewed: isoDate,
});

export type Page = z.output<typeof pageSchema>;
