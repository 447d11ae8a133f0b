import * as z from 'zod';
import { line, webAddress } from './common.ts';

/** One statistic in `content/evidence.json`. No figure appears on the site without its source. */
export const evidenceSchema = z.strictObject({
  /** Stable id, e.g. `satisfaction`; pages and the chat refer to a figure by it. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** The figure as shown in large type, e.g. "85%" or "£8 for every £1". */
  figure: line(30),
  /** What the figure means, in plain words, continuing from the figure. */
  claim: line(200),
  /** The figure and claim in one short sentence, for the chat and share cards. */
  short: line(140),
  /** The study: authors, title, series or journal, as it should be cited. */
  citation: line(400),
  /** The year the study was published. */
  year: z.number().int().min(1990).max(2100),
  /** Where the study can be read, when there is a stable public address. */
  url: webAddress.optional(),
  /** What the figure does not show: who was studied, what was measured, common misquotes. */
  caveat: line(400),
});

export type Evidence = z.output<typeof evidenceSchema>;
