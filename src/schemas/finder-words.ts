import * as z from 'zod';
import { line, webAddress } from './common.ts';

const place = z.strictObject({
  /** What to tell someone from there, in plain words. */
  text: line(400),
  /** Services there, each with an address we have seen in a public source. */
  links: z.array(z.strictObject({ label: line(120), url: webAddress })),
});

/**
 * The finder's words, in `content/finder.json`. `{outcode}`, `{area}`, `{place}`, `{council}` and
 * `{count}` are filled in by the page.
 */
export const finderWordsSchema = z.strictObject({
  postcodeLabel: line(60),
  postcodeHint: line(200),
  postcodeButton: line(40),
  errorEmpty: line(200),
  errorInvalid: line(200),
  errorUnknown: line(300),
  resultArea: line(100),
  resultAreaLink: line(100),
  resultChoice: line(100),
  resultChoiceHint: line(300),
  shareMost: line(60),
  shareSome: line(60),
  scotlandOption: line(100),
  resultOutside: line(100),
  outsideIntro: line(200),
  councilLabel: line(60),
  councilHint: line(200),
  councilCount: line(60),
  councilCountOne: line(60),
  councilNone: line(200),
  councilResult: line(100),
  loadError: line(200),
  /** What to say about places outside England and Wales. */
  elsewhere: z.strictObject({
    Scotland: place,
    'Northern Ireland': place,
    'the Isle of Man': place,
    'the Channel Islands': place,
  }),
});

export type FinderWords = z.output<typeof finderWordsSchema>;
