import * as z from 'zod';

/** A calendar date written as YYYY-MM-DD. */
export const isoDate = z.iso.date({ error: 'must be a date written as YYYY-MM-DD' });

/** A web address starting with https:// (or http:// for old pages we cite). */
export const webAddress = z.url({
  protocol: /^https?$/,
  hostname: z.regexes.domain,
  error: 'must be a full web address starting with https://',
});

/** Short text on one line, trimmed, between 1 and `max` characters. */
export const line = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${max} characters` })
    .regex(/^[^\r\n\t]*$/, { error: 'must be on one line' });
