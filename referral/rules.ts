import type { Answers } from './conditions.ts';
import { forSomeoneElseAskers, openStages, responsibleSideAskers, safeContactWays, under18Groups, type AgeGroup, type ContactWay, type Harm } from './vocabulary.ts';

/**
 * The rules, each written once, read by the chat, the no-JavaScript form, the function and the email:
 * which cases are sensitive, what the answers mean (never a hard "no": a facilitator decides), when the
 * site must not send a referral itself, the flags a provider sees first, and safe contact.
 */

/** Harms that need a facilitator with extra training. */
export const sensitiveHarms: readonly Harm[] = ['domestic-abuse', 'stalking-or-harassment', 'sexual-harm', 'hate-crime', 'bereavement'];
/** Relationships that make any harm domestic abuse. */
const domesticRelationships = ['partner', 'family'];

const text = (answers: Answers, id: string): string | undefined => {
  const value = answers[id];
  return typeof value === 'string' ? value : undefined;
};
const list = (answers: Answers, id: string): readonly string[] => {
  const value = answers[id];
  return Array.isArray(value) ? value : [];
};

/** The person asking is the person responsible, or asks for them. */
export function askerIsResponsibleSide(answers: Answers): boolean {
  return (responsibleSideAskers as readonly string[]).includes(text(answers, 'asker') ?? '');
}

/** Whose view the questions are written from: the person responsible's own, or everyone else's. */
export function perspective(answers: Answers): 'responsible' | 'harmed' {
  return text(answers, 'asker') === 'person-responsible' ? 'responsible' : 'harmed';
}

export function askerUnder18(answers: Answers): boolean {
  return under18Groups.includes(text(answers, 'askerAge') as AgeGroup);
}

/** Abuse by a partner or family member, whatever the harm was called. */
export function isDomestic(answers: Answers): boolean {
  return text(answers, 'harm') === 'domestic-abuse' || domesticRelationships.includes(text(answers, 'relationship') ?? '');
}

export function isSensitive(answers: Answers): boolean {
  return sensitiveHarms.includes(text(answers, 'harm') as Harm) || isDomestic(answers);
}

export function caseIsOpen(answers: Answers): boolean {
  return (openStages as readonly string[]).includes(text(answers, 'stage') ?? '');
}

/**
 * What the answers mean, for the person:
 * - `possible`: it might be possible; a facilitator would talk it through.
 * - `on-hold`: the case is still with the police or waiting for court; many services wait.
 * - `check-first`: usually the person responsible must be found and accept what they did, or too
 *   much is unknown; a facilitator would need to look at it, and there can be other ways.
 * - `responsible`: the person responsible (or someone for them) is asking: it is up to the person harmed.
 */
export type OutcomeKind = 'possible' | 'on-hold' | 'check-first' | 'responsible';
export type OutcomeReason = 'nobody-found' | 'denies' | 'too-unsure';
export type OutcomeNote =
  | 'sensitive'
  | 'not-safe-now'
  | 'responsible-under-18'
  | 'asker-under-18'
  | 'asker-is-responsible'
  | 'someone-else-asking'
  | 'found-guilty'
  | 'not-reported'
  | 'happened-elsewhere';

export type Assessment = { kind: OutcomeKind; reasons: OutcomeReason[]; notes: OutcomeNote[] };

const keyAnswers = ['reported', 'responsibleKnown', 'accepts', 'stage', 'responsibleUnder18'];

export function assess(answers: Answers): Assessment {
  const reasons: OutcomeReason[] = [];
  if (text(answers, 'responsibleKnown') === 'no') reasons.push('nobody-found');
  if (text(answers, 'accepts') === 'denies') reasons.push('denies');
  if (keyAnswers.filter((id) => text(answers, id) === 'not-sure').length >= 3) reasons.push('too-unsure');

  const notes: OutcomeNote[] = [];
  if (isSensitive(answers) && !askerIsResponsibleSide(answers)) notes.push('sensitive');
  if (list(answers, 'safetyNow').includes('not-safe')) notes.push('not-safe-now');
  if (text(answers, 'responsibleUnder18') === 'yes') notes.push('responsible-under-18');
  if (askerUnder18(answers)) notes.push('asker-under-18');
  if (askerIsResponsibleSide(answers)) notes.push('asker-is-responsible');
  if ((forSomeoneElseAskers as readonly string[]).includes(text(answers, 'asker') ?? '') && text(answers, 'knowsAndAgrees') !== undefined && text(answers, 'knowsAndAgrees') !== 'yes') notes.push('someone-else-asking');
  if (text(answers, 'accepts') === 'found-guilty') notes.push('found-guilty');
  if (text(answers, 'reported') === 'no') notes.push('not-reported');
  if (text(answers, 'happenedHere') === 'elsewhere') notes.push('happened-elsewhere');

  const kind: OutcomeKind = askerIsResponsibleSide(answers) ? 'responsible' : reasons.length > 0 ? 'check-first' : caseIsOpen(answers) ? 'on-hold' : 'possible';
  return { kind, reasons, notes };
}

/** What the area's service has said about whom it works with (from our area data, where a source says so). */
export type ServicePolicy = {
  adultsOnly: boolean;
  responsibleReferrals?: { accepted: boolean; exceptFor: readonly string[] };
};

/**
 * Why the site must not send this referral itself, or undefined when it may. The person is always told
 * who to contact instead; this is about what the site does, never about what restorative justice can do.
 * - `responsible-case`: the person responsible asking in a domestic or sexual harm case, or while the
 *   case is open (bail conditions usually forbid any contact, even through someone else).
 * - `service-responsible`: the area's service does not take requests from people responsible (for this harm).
 * - `adults-only`: a young person, and the area's service works with adults only.
 */
export type ReferralBlock = 'responsible-case' | 'service-responsible' | 'adults-only';

export function referralBlock(answers: Answers, policy: ServicePolicy | undefined): ReferralBlock | undefined {
  const harm = text(answers, 'harm') ?? '';
  if (askerIsResponsibleSide(answers)) {
    if (isDomestic(answers) || harm === 'sexual-harm' || caseIsOpen(answers)) return 'responsible-case';
    const rule = policy?.responsibleReferrals;
    if (rule && (!rule.accepted || rule.exceptFor.includes(harm))) return 'service-responsible';
  }
  if (askerUnder18(answers) && policy?.adultsOnly) return 'adults-only';
  return undefined;
}

/** The ways of contact the person marked safe, in a fixed order. */
export function safeWays(answers: Answers): ContactWay[] {
  const marked = list(answers, 'contactWays');
  return safeContactWays.filter((way) => marked.includes(way));
}

/** The ways that are not safe: every way not marked safe. */
export function unsafeWays(answers: Answers): ContactWay[] {
  const safe = safeWays(answers);
  return safeContactWays.filter((way) => !safe.includes(way));
}

/** The person said no way is safe: the service must not contact them; they will make contact. */
export function noSafeWay(answers: Answers): boolean {
  return list(answers, 'contactWays').includes('none') || safeWays(answers).length === 0;
}

/** The safe times the person gave for a way (voicemail shares the call times). */
export function safeTimes(answers: Answers, way: ContactWay): string | undefined {
  const id = way === 'call' || way === 'voicemail' ? 'callTimes' : way === 'text' ? 'textTimes' : 'emailTimes';
  return text(answers, id);
}

/**
 * The flags a provider reads first, from the same rules. An empty list means none of these applied;
 * the email still says what to check before any contact.
 */
export type Flag =
  | 'no-safe-way'
  | 'not-safe-now'
  | 'asker-under-18'
  | 'responsible-asking'
  | 'sensitive'
  | 'harm-not-given'
  | 'in-contact'
  | 'order'
  | 'on-hold'
  | 'responsible-under-18'
  | 'someone-else-asking'
  | 'check-first';

export function flags(answers: Answers): Flag[] {
  const assessment = assess(answers);
  const now = list(answers, 'safetyNow');
  const out: Flag[] = [];
  if (noSafeWay(answers)) out.push('no-safe-way');
  if (now.includes('not-safe')) out.push('not-safe-now');
  if (askerUnder18(answers)) out.push('asker-under-18');
  if (askerIsResponsibleSide(answers)) out.push('responsible-asking');
  if (isSensitive(answers)) out.push('sensitive');
  if (text(answers, 'harm') === 'prefer-not-to-say') out.push('harm-not-given');
  if (now.includes('in-contact')) out.push('in-contact');
  if (now.includes('order')) out.push('order');
  if (caseIsOpen(answers)) out.push('on-hold');
  if (assessment.notes.includes('responsible-under-18')) out.push('responsible-under-18');
  if (assessment.notes.includes('someone-else-asking')) out.push('someone-else-asking');
  if (assessment.kind === 'check-first') out.push('check-first');
  return out;
}

/**
 * The help lines to show with what the answers mean, by id in content/helplines.json: only where the
 * case needs extra care (a sensitive harm, not feeling safe now, an asker under 18), only for the
 * person harmed (never for the person responsible), and only those that fit: domestic abuse lines for abuse by a partner or family member (and for
 * stalking), Rape Crisis for sexual harm from 16 (a younger person is shown Childline), the hate crime
 * line for hate crime, Childline for anyone under 18, and Samaritans for anyone, to talk now.
 */
export function helpLinesFor(answers: Answers): string[] {
  if (askerIsResponsibleSide(answers)) return [];
  const { notes } = assess(answers);
  if (!notes.some((note) => note === 'sensitive' || note === 'not-safe-now' || note === 'asker-under-18')) return [];
  const harm = text(answers, 'harm');
  const age = text(answers, 'askerAge');
  const lines: string[] = [];
  if (askerUnder18(answers)) lines.push('childline');
  if (isDomestic(answers) || harm === 'stalking-or-harassment') lines.push('national-domestic-abuse-helpline', 'mens-advice-line');
  if (harm === 'sexual-harm' && age !== 'under-13' && age !== '13-15') lines.push('rape-crisis');
  if (harm === 'hate-crime') lines.push('stop-hate-uk');
  lines.push('samaritans');
  return lines;
}
