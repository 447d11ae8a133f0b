/**
 * The values a referral's answers can take. Words for each live in content/locales/<locale>/; these
 * lists are the vocabulary the catalogue, the schema, the rules and the area data share.
 */

/** What kind of harm it was. */
export const harms = [
  'violence',
  'burglary-or-theft',
  'robbery',
  'criminal-damage',
  'anti-social-behaviour',
  'neighbour-dispute',
  'domestic-abuse',
  'stalking-or-harassment',
  'sexual-harm',
  'hate-crime',
  'bereavement',
  'fraud-or-online',
  'road-traffic',
  'other',
  'prefer-not-to-say',
] as const;
export type Harm = (typeof harms)[number];
