import type { Answers } from './conditions.ts';
import type { RouteKind } from './route.ts';
import { assess, noSafeWay, referralBlock, type ServicePolicy } from './rules.ts';

/**
 * What the answers mean, as the lines the person reads (by words key): the outcome, why, the notes
 * that apply, who provides the service, and whether this site can send a referral, or who to contact
 * instead. The chat says these lines; the no-JavaScript form shows them as a page. One list, so the
 * two can never disagree.
 */
export type OutcomeArea = { name: string; provider: { name: string } | null; route: RouteKind; recipient: string; policy: ServicePolicy };
export type OutcomeLine = { key: string; vars?: Record<string, string> };

/** The values an area fills into the words: its name, its provider's name, and who would receive a referral from it. */
export function areaVars(area: Pick<OutcomeArea, 'name' | 'provider' | 'recipient'> | undefined): { area: string; provider: string; recipient: string } {
  return { area: area?.name ?? '', provider: area?.provider?.name ?? '', recipient: area?.recipient ?? '' };
}

export function outcomeLines(answers: Answers, area: OutcomeArea | undefined): OutcomeLine[] {
  const assessment = assess(answers);
  const lines: OutcomeLine[] = [
    { key: `outcome.kinds.${assessment.kind}` },
    ...assessment.reasons.map((reason) => ({ key: `outcome.reasons.${reason}` })),
    ...assessment.notes.map((note) => ({ key: `outcome.notes.${note}` })),
  ];
  if (!area) return [...lines, { key: 'outcome.areaUnavailable' }];
  const vars = areaVars(area);
  lines.push({ key: area.provider ? 'outcome.provider' : 'outcome.noProvider', vars });
  const block = referralBlock(answers, area.policy);
  if (block) lines.push({ key: `outcome.blocks.${block}`, vars });
  else if (area.route === 'direct') lines.push({ key: 'outcome.contactDirectly', vars });
  else lines.push({ key: 'outcome.offerReferral', vars });
  return lines;
}

/** Whether this site may send a referral for these answers from this area. */
export function siteMaySend(answers: Answers, area: OutcomeArea | undefined): boolean {
  return Boolean(area && area.route !== 'direct' && !referralBlock(answers, area.policy));
}

/**
 * What the person is told will happen once their referral is sent (words keys under `nextSteps.`):
 * on their "sent" page in the chat and the form, and in the email, so the provider knows what was promised.
 */
export function nextStepKeys(answers: Answers, route: RouteKind | undefined): string[] {
  return [`nextSteps.${noSafeWay(answers) ? 'noContact' : 'contact'}`, ...(route === 'national' ? ['nextSteps.national'] : []), 'nextSteps.facilitator'];
}
