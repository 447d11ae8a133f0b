/**
 * The values a referral's answers can take. The words for each live in content/locales/<locale>/
 * (questions.json for the person, email.json for the provider); these lists are the vocabulary the
 * catalogue, the schema, the rules and the area data share.
 */

/** Who is asking. The last two ask for (or are) the person responsible, not the person harmed. */
export const askers = ['person-harmed', 'family-member', 'on-behalf', 'professional', 'person-responsible', 'for-person-responsible', 'prefer-not-to-say'] as const;
export type Asker = (typeof askers)[number];
/** Askers on the side of the person responsible: them, or someone asking for them. */
export const responsibleSideAskers: readonly Asker[] = ['person-responsible', 'for-person-responsible'];
/** Askers asking for the person harmed: whether that person knows and agrees is asked. */
export const forSomeoneElseAskers: readonly Asker[] = ['family-member', 'on-behalf', 'professional'];

/** The asker's age group. */
export const ageGroups = ['under-13', '13-15', '16-17', '18-or-over', 'prefer-not-to-say'] as const;
export type AgeGroup = (typeof ageGroups)[number];
export const under18Groups: readonly AgeGroup[] = ['under-13', '13-15', '16-17'];

/** For a young asker: whether an adult they trust knows, and may be contacted. */
export const trustedAdultAnswers = ['knows-may-contact', 'knows-do-not-contact', 'nobody-knows', 'prefer-not-to-say'] as const;

export const yesNoNotSure = ['yes', 'no', 'not-sure'] as const;
export const yesNo = ['yes', 'no'] as const;

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

/** Roughly when it happened. */
export const whenOptions = ['past-month', 'past-year', 'one-to-five-years', 'over-five-years', 'not-sure'] as const;

/** Who the person responsible is to the person harmed. */
export const relationships = ['stranger', 'known', 'neighbour', 'family', 'partner', 'prefer-not-to-say'] as const;

/** Whether the person responsible accepts they did it (the practice test; a conviction is not the same). */
export const acceptance = ['yes', 'found-guilty', 'denies', 'not-sure'] as const;

/** Where the case is now. */
export const stages = ['investigation', 'awaiting-court', 'sentenced', 'prison-or-probation', 'finished', 'not-sure'] as const;
/** Stages where the case is still open: not yet past investigation and trial. */
export const openStages: readonly (typeof stages)[number][] = ['investigation', 'awaiting-court'];

/** For someone in prison or on probation: whether release is expected. */
export const releaseAnswers = ['soon', 'not-soon', 'released', 'not-sure'] as const;

/** What is true now (any number of the first three; or one of the last two). */
export const safetyNowAnswers = ['in-contact', 'not-safe', 'order', 'none', 'prefer-not-to-say'] as const;

/** Support already in place. */
export const supportAnswers = ['victim-support', 'idva-isva', 'victim-liaison', 'youth-justice', 'other', 'none'] as const;

/** Ways of contact the service may use, or none. */
export const contactWays = ['call', 'text', 'voicemail', 'email', 'none'] as const;
export type ContactWay = Exclude<(typeof contactWays)[number], 'none'>;
/** The ways of contact a person can mark safe, in the order they are listed everywhere. */
export const safeContactWays: readonly ContactWay[] = ['call', 'text', 'voicemail', 'email'];

/** The language to use with the service. */
export const languages = ['english', 'welsh', 'bsl', 'other'] as const;

/** Whether to answer the optional questions now. */
export const addMoreAnswers = ['add', 'skip'] as const;

/** Ways of taking part they would consider. */
export const ways = ['meeting', 'letters', 'recorded-message', 'call', 'shuttle', 'not-sure'] as const;

/** What they hope for. */
export const hopes = ['ask-questions', 'explain-impact', 'apology', 'put-right', 'not-sure'] as const;

/** How they heard about the site (campaign codes in a page address fill this in). */
export const heardFrom = ['poster', 'leaflet', 'social-media', 'rj-week', 'police', 'victim-support', 'other-service', 'search', 'friend-or-family', 'other'] as const;
export type HeardFrom = (typeof heardFrom)[number];

/**
 * Campaign codes a page address may carry (`?from=poster`): where the person arrived from. The site's
 * script carries them from a campaign page to the chat, which turns them into the `heardFrom` answer;
 * nothing is stored on the way. (The site's script has its own copy, src/lib/campaign-codes.ts, so
 * that it shares no module with the chat; a test checks the two are the same.)
 */
export const campaignCodes = ['poster', 'leaflet', 'social-media', 'rj-week'] as const;
export type CampaignCode = (typeof campaignCodes)[number];

export function isCampaignCode(value: string | null): value is CampaignCode {
  return (campaignCodes as readonly (string | null)[]).includes(value);
}
