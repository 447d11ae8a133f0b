import * as z from 'zod/mini';
import { admissions, askers, askerUnder18Options, harms, heardFrom, stages, ways, yesNoNotSure } from './options.ts';

/**
 * The referral: what the chat (or the no-JavaScript form) sends, what the function checks, and what
 * the JSON attachment of the email carries. Written once with `zod/mini` so that the browser bundle
 * stays small; the function and the chat import this same module.
 *
 * Rules for every field: unknown keys are rejected, lengths are capped, and single-line fields reject
 * control characters (which is also what stops header injection in the email).
 */

// Control characters, including CR, LF, tab, DEL and the C1 range; also the Unicode line separators.
const controlCharacters = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
// Multi-line text may hold line breaks (CR, LF) but no other control characters.
const controlExceptNewlines = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/;
// Characters that change how text around them is shown, so a provider could read something other
// than what was sent: bidirectional embeddings, overrides, isolates and marks, and invisible spaces.
// The zero-width joiner and non-joiner (U+200C, U+200D) stay allowed: Persian and Indic names need them.
const hiddenCharacters = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b\u2060-\u2064\u180e\ufeff]/;

/** Text on one line, trimmed, 1 to `max` characters. `label` starts a sentence; `enter` asks for it. */
function line(max: number, label: string, enter: string) {
  return z.string({ error: enter }).check(
    z.trim(),
    z.minLength(1, { error: enter }),
    z.maxLength(max, { error: `${label} must be ${max} characters or fewer` }),
    z.refine((value) => !controlCharacters.test(value), { error: `${label} must be on one line, without special characters` }),
    z.refine((value) => !hiddenCharacters.test(value), { error: `${label} has a hidden character that changes how text is shown. Type it again without copying and pasting` }),
  );
}

/** Free text that may span lines, trimmed, 1 to `max` characters. */
function text(max: number, label: string, enter: string) {
  return z.string({ error: enter }).check(
    z.trim(),
    z.minLength(1, { error: enter }),
    z.maxLength(max, { error: `${label} must be ${max} characters or fewer` }),
    z.refine((value) => !controlExceptNewlines.test(value), { error: `${label} must not contain special characters` }),
    z.refine((value) => !hiddenCharacters.test(value), { error: `${label} has a hidden character that changes how text is shown. Type it again without copying and pasting` }),
  );
}

function choice<const T extends readonly [string, ...string[]]>(values: T, what: string) {
  return z.enum(values, { error: `Choose ${what}` });
}

const yesNo = (what: string) => z.boolean({ error: `Say whether ${what}` });

export const screeningSchema = z.strictObject({
  /** What kind of harm it was. */
  harm: choice(harms, 'what kind of harm it was'),
  /** Whether it was reported to the police. */
  reported: choice(yesNoNotSure, 'whether it was reported to the police'),
  /** Whether the person responsible is known (identified). */
  responsibleKnown: choice(yesNoNotSure, 'whether you know who was responsible'),
  /** Whether the person responsible has admitted it or been found guilty. */
  admitted: choice(admissions, 'whether they have admitted it'),
  /** Where the case is now. */
  stage: choice(stages, 'where the case is now'),
  /** Whether the person responsible was under 18 at the time. */
  responsibleUnder18: choice(yesNoNotSure, 'whether they were under 18 at the time'),
  /** Whether the person asking is under 18. */
  askerUnder18: choice(askerUnder18Options, 'whether you are under 18'),
});

/** A UK phone number: digits, spaces, and an optional leading + (e.g. +44 7700 900123). */
const phoneNumber = z.string({ error: 'Enter a phone number' }).check(
  z.trim(),
  z.regex(/^\+?[0-9 ()-]{10,20}$/, { error: 'Enter a phone number, like 07700 900123' }),
  z.refine((value) => value.replace(/\D/g, '').length >= 10 && value.replace(/\D/g, '').length <= 15, {
    error: 'Enter a phone number, like 07700 900123',
  }),
);

export const phoneContactSchema = z.strictObject({
  number: phoneNumber,
  /** It is safe for the provider to ring this number. */
  safeToCall: yesNo('it is safe to call'),
  /** It is safe to send a text message. */
  safeToText: yesNo('it is safe to text'),
  /** It is safe to leave a voicemail. */
  safeForVoicemail: yesNo('it is safe to leave a voicemail'),
  /** A call, text or voicemail may say the name of the service. */
  mayNameService: yesNo('a message may name the service'),
  /** When it is best (and safe) to call, in their words. */
  bestTimes: z.optional(line(200, 'Best times to call', 'Enter the best times to call, or leave this out')),
});

export const emailContactSchema = z.strictObject({
  address: z.email({ error: 'Enter an email address, like name@example.com' }).check(z.maxLength(254, { error: 'Email address must be 254 characters or fewer' })),
  /** It is safe for the provider to email this address. */
  safeToEmail: yesNo('it is safe to email you'),
  /** An email may name the service in its subject and sender. */
  mayNameService: yesNo('an email may name the service'),
});

export const contactSchema = z
  .strictObject({
    phone: z.optional(phoneContactSchema),
    email: z.optional(emailContactSchema),
  })
  .check(
    z.refine((contact) => Boolean(contact.phone?.safeToCall || contact.phone?.safeToText || contact.email?.safeToEmail), {
      error: 'Give at least one way that is safe for the service to contact you',
    }),
  );

export const referralSchema = z.strictObject({
  /** The police force area (ONS code) whose provider receives the referral. */
  area: z.string({ error: 'Choose your area' }).check(z.regex(/^(E23|W15)\d{6}$/, { error: 'Choose your area' })),
  /** Who is asking. */
  asker: choice(askers, 'who is asking'),
  /** The screening answers from the conversation. */
  screening: screeningSchema,
  /** The ways they would consider (at least one; "not-sure" is a valid answer). */
  ways: z.array(choice(ways, 'a way it could happen')).check(
    z.minLength(1, { error: 'Choose at least one way, or "not sure"' }),
    z.maxLength(ways.length, { error: 'Choose each way once' }),
    z.refine((list) => new Set(list).size === list.length, { error: 'Choose each way once' }),
  ),
  /** How to address them (a first name or any name they choose). */
  name: line(80, 'The name', 'Enter the name we should use'),
  /** How to reach them, with what is safe. */
  contact: contactSchema,
  /** Language, and whether they need an interpreter. */
  language: z.strictObject({
    name: line(60, 'The language', 'Enter the language you would like to use'),
    interpreter: yesNo('you need an interpreter'),
  }),
  /** Anything that would make it easier to take part (access needs). */
  accessNeeds: z.optional(text(500, 'Access needs', 'Enter your access needs, or leave this out')),
  /** A police crime reference, if they have one. */
  crimeReference: z.optional(
    line(40, 'The crime reference', 'Enter the crime reference, or leave this out').check(
      z.regex(/^[A-Za-z0-9/ -]+$/, { error: 'A crime reference can only have letters, numbers, spaces, dashes and slashes' }),
    ),
  ),
  /** A short message for the provider, without other people's names. */
  message: z.optional(text(1000, 'The message', 'Enter a message, or leave this out')),
  /** How they heard about this site. */
  heardFrom: z.optional(choice(heardFrom, 'how you heard about us')),
  /** They agree to share these answers with the named provider. Must be true to send (422 if not). */
  consent: z.boolean({ error: 'Say whether you agree to share your answers' }),
  /** A random key the chat makes once per referral, so that a retry never sends twice. */
  idempotencyKey: z.uuid({ error: 'The form is out of date. Reload the page and try again.' }),
  /** Bot protection: a field people never see. Anything in it means a bot; the answer looks like success. */
  website: z.optional(z.string().check(z.maxLength(200))),
  /** Bot protection: the time-trap token the function issued (GET /api/referral/token, or on the form's check page). */
  token: z.optional(z.string().check(z.maxLength(200))),
});

export type Referral = z.output<typeof referralSchema>;
export type ReferralInput = z.input<typeof referralSchema>;
export type Screening = z.output<typeof screeningSchema>;
export type { Asker, Harm, HeardFrom, Way } from './options.ts';

