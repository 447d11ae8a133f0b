import * as z from 'zod/mini';
import { emailContactSchema, phoneContactSchema, referralSchema } from '../functions/referral/schema.ts';
import type { Answers } from './types.ts';

/**
 * The rules for typed answers come from the referral schema itself, so the chat and the function can
 * never disagree: each returns the schema's own message for the person, or undefined when it is fine.
 */
const check =
  (schema: z.ZodMiniType) =>
  (value: string): string | undefined => {
    const result = z.safeParse(schema, value);
    return result.success ? undefined : result.error.issues[0]?.message;
  };

export const textRules = {
  name: check(referralSchema.shape.name),
  phoneNumber: check(phoneContactSchema.shape.number),
  bestTimes: check(z.nonoptional(phoneContactSchema.shape.bestTimes)),
  emailAddress: check(emailContactSchema.shape.address),
  language: check(referralSchema.shape.language.shape.name),
  accessNeeds: check(z.nonoptional(referralSchema.shape.accessNeeds)),
  crimeReference: check(z.nonoptional(referralSchema.shape.crimeReference)),
  message: check(z.nonoptional(referralSchema.shape.message)),
} as const;

export type TextStep = keyof typeof textRules;

/** At least one way of contact that the person said is safe (the schema's own rule, asked early). */
export function hasSafeContact(answers: Answers): boolean {
  const phone = answers.contactMethods?.includes('phone') && answers.phone && answers.phoneSafety?.some((way) => way === 'call' || way === 'text');
  const email = answers.contactMethods?.includes('email') && answers.email && answers.emailSafety?.includes('email');
  return Boolean(phone || email);
}
