import type { ReferralInput } from '../functions/referral/schema.ts';
import type { Answers } from './types.ts';

/**
 * Turns the conversation's answers into the referral the function accepts (the shared schema's
 * shape). Unanswered optional questions are left out; required ones that are missing stay missing,
 * so the schema, not this function, decides whether the referral is complete.
 */
export function toReferral(answers: Answers, meta: { idempotencyKey: string }): ReferralInput {
  const phone = answers.contactMethods?.includes('phone') && answers.phone
    ? {
        number: answers.phone,
        safeToCall: answers.phoneSafety?.includes('call') ?? false,
        safeToText: answers.phoneSafety?.includes('text') ?? false,
        safeForVoicemail: answers.phoneSafety?.includes('voicemail') ?? false,
        mayNameService: answers.phoneSafety?.includes('name') ?? false,
        ...(answers.bestTimes ? { bestTimes: answers.bestTimes } : {}),
      }
    : undefined;
  const email = answers.contactMethods?.includes('email') && answers.email
    ? { address: answers.email, safeToEmail: answers.emailSafety?.includes('email') ?? false, mayNameService: answers.emailSafety?.includes('name') ?? false }
    : undefined;
  return {
    area: answers.area as string,
    asker: answers.asker as ReferralInput['asker'],
    screening: {
      harm: answers.harm as ReferralInput['screening']['harm'],
      reported: answers.reported as ReferralInput['screening']['reported'],
      responsibleKnown: answers.responsibleKnown as ReferralInput['screening']['responsibleKnown'],
      admitted: answers.admitted as ReferralInput['screening']['admitted'],
      stage: answers.stage as ReferralInput['screening']['stage'],
      responsibleUnder18: answers.responsibleUnder18 as ReferralInput['screening']['responsibleUnder18'],
      askerUnder18: answers.askerUnder18 as ReferralInput['screening']['askerUnder18'],
    },
    ways: answers.ways ?? [],
    name: answers.name as string,
    contact: { ...(phone ? { phone } : {}), ...(email ? { email } : {}) },
    language: { name: answers.language as string, interpreter: answers.interpreter === 'yes' },
    ...(answers.accessNeeds ? { accessNeeds: answers.accessNeeds } : {}),
    ...(answers.crimeReference ? { crimeReference: answers.crimeReference } : {}),
    ...(answers.message ? { message: answers.message } : {}),
    ...(answers.heardFrom ? { heardFrom: answers.heardFrom } : {}),
    consent: answers.consent === true,
    idempotencyKey: meta.idempotencyKey,
    website: '',
  };
}
