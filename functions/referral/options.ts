/**
 * The answers a referral can hold, without zod: the chat's charts and the browser need only these
 * lists, and load the schema (schema.ts, built on them) only when a referral is being made.
 */
/** Who is asking for the referral. */
export const askers = ['person-harmed', 'family-member', 'on-behalf', 'person-responsible', 'professional', 'prefer-not-to-say'] as const;
/** What kind of harm it was. The sensitive kinds are flagged to the provider. */
export const harms = [
  'violence',
  'burglary-or-theft',
  'robbery',
  'criminal-damage',
  'anti-social-behaviour',
  'neighbour-dispute',
  'domestic-abuse',
  'sexual-harm',
  'hate-crime',
  'bereavement',
  'fraud-or-online',
  'road-traffic',
  'other',
  'prefer-not-to-say',
] as const;
/** Harms that need a specialist facilitator: the email flags them first. */
export const sensitiveHarms = ['domestic-abuse', 'sexual-harm', 'hate-crime', 'bereavement'] as const;
export const yesNoNotSure = ['yes', 'no', 'not-sure'] as const;
/** Whether the person asking is under 18. */
export const askerUnder18Options = ['yes', 'no', 'prefer-not-to-say'] as const;
export const admissions = ['admitted', 'found-guilty', 'denies', 'not-sure'] as const;
export const stages = ['not-reported', 'investigation', 'awaiting-court', 'sentenced', 'prison-or-probation', 'long-ago', 'not-sure'] as const;
export const ways = ['meeting', 'letters', 'recorded-message', 'call', 'shuttle', 'not-sure'] as const;
export const heardFrom = [
  'poster',
  'leaflet',
  'social-media',
  'rj-week',
  'police',
  'victim-support',
  'other-service',
  'search',
  'friend-or-family',
  'other',
] as const;

export type Asker = (typeof askers)[number];
export type Harm = (typeof harms)[number];
export type Way = (typeof ways)[number];
export type YesNoNotSure = (typeof yesNoNotSure)[number];
export type Admitted = (typeof admissions)[number];
export type Stage = (typeof stages)[number];
export type AskerUnder18 = (typeof askerUnder18Options)[number];
export type HeardFrom = (typeof heardFrom)[number];

/** Whether the harm needs a specialist facilitator (the email flags it). */
export function isSensitive(harm: Harm): boolean {
  return (sensitiveHarms as readonly string[]).includes(harm);
}
