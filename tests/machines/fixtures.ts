import type { AreaFacts } from '../../machines/area-facts.ts';
import { toReferral } from '../../machines/referral.ts';
import type { Answers } from '../../machines/types.ts';

/** Named answers shared by the machine tests. */
export const answers = {
  /** A sentenced burglary in Merseyside, everything known. */
  screening: {
    asker: 'person-harmed',
    area: 'E23000004',
    harm: 'burglary-or-theft',
    reported: 'yes',
    responsibleKnown: 'yes',
    admitted: 'admitted',
    stage: 'sentenced',
    responsibleUnder18: 'no',
    askerUnder18: 'no',
  } satisfies Answers,
  /** Details for a referral: phone safe to call, letters, consent given. */
  details: {
    name: 'Sam',
    contactMethods: ['phone'],
    phone: '07700 900123',
    phoneSafety: ['call'],
    language: 'English',
    interpreter: 'no',
    ways: ['letters'],
    consent: true,
  } satisfies Answers,
  referral: () =>
    toReferral({ ...answers.screening, ...answers.details }, { idempotencyKey: '6f1c2b8e-4f57-4c1e-9d2a-3b7c5e8f9a10' }),
};

export const merseyside: AreaFacts = {
  code: 'E23000004',
  name: 'Merseyside',
  slug: 'merseyside',
  provider: { name: 'Restorative Solutions', phones: [{ number: '07377 800254', label: 'Restorative justice team' }], emails: [] },
  acceptsReferrals: true,
  commissioner: { name: 'Merseyside Police and Crime Commissioner' },
  notes: [],
};
