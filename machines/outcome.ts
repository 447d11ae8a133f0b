import { isSensitive } from '../functions/referral/options.ts';
import type { Screening } from '../functions/referral/schema.ts';

/**
 * What the screening answers mean, never a hard "no": a trained facilitator always decides.
 * - `possible`: restorative justice could be possible.
 * - `on-hold`: the case is under investigation or waiting for court; some services wait until it ends.
 * - `not-yet`: not possible yet, because nobody is identified or the person responsible denies it.
 * The notes add what applies on top: a sensitive case, someone under 18.
 */
export type OutcomeKind = 'possible' | 'on-hold' | 'not-yet';

export type OutcomeNote = 'sensitive' | 'responsible-under-18' | 'asker-under-18' | 'asker-is-responsible' | 'not-reported';

export type Assessment = {
  kind: OutcomeKind;
  /** Why it is not possible yet (empty otherwise). */
  reasons: ('nobody-identified' | 'denied')[];
  notes: OutcomeNote[];
};

export function assess(screening: Screening, asker?: string): Assessment {
  const reasons: Assessment['reasons'] = [];
  if (screening.responsibleKnown === 'no') reasons.push('nobody-identified');
  if (screening.admitted === 'denies') reasons.push('denied');
  const onHold = screening.stage === 'investigation' || screening.stage === 'awaiting-court';
  const notes: OutcomeNote[] = [];
  if (isSensitive(screening.harm)) notes.push('sensitive');
  if (screening.responsibleUnder18 === 'yes') notes.push('responsible-under-18');
  if (screening.askerUnder18 === 'yes') notes.push('asker-under-18');
  if (asker === 'person-responsible') notes.push('asker-is-responsible');
  if (screening.reported === 'no') notes.push('not-reported');
  return { kind: reasons.length > 0 ? 'not-yet' : onHold ? 'on-hold' : 'possible', reasons, notes };
}

/** Whether a referral can be offered for this assessment (the area must also take online referrals). */
export function referralPossible(assessment: Assessment): boolean {
  return assessment.kind !== 'not-yet';
}
