import type { FormIssue, FormValues } from '../../src/lib/referral-form.ts';
import { sha256 } from './hash.ts';
import type { FieldIssue } from './validate.ts';

/**
 * The no-JavaScript form (src/lib/referral-form.ts) posts flat fields; this turns them into the same
 * referral the chat sends, so one schema checks both, and maps the schema's issues back to the fields
 * to show them beside. A form has no script to make an idempotency key, so the key is made from the
 * answers themselves: sending the same answers twice sends one referral.
 */
const single = ['area', 'asker', 'harm', 'reported', 'responsibleKnown', 'admitted', 'stage', 'responsibleUnder18', 'askerUnder18', 'name', 'phone', 'bestTimes', 'email', 'language', 'interpreter', 'accessNeeds', 'crimeReference', 'message', 'heardFrom', 'consent', 'website'] as const;
const multiple = ['phoneSafe', 'emailSafe', 'ways'] as const;

/** The form's answers as the person gave them, to put back into the form. */
export function formValues(form: URLSearchParams): FormValues {
  const values: FormValues = {};
  for (const field of single) {
    const value = form.get(field);
    if (value !== null) values[field] = value;
  }
  for (const field of multiple) values[field] = form.getAll(field);
  return values;
}

export function referralFromForm(form: URLSearchParams): unknown {
  const one = (field: string) => {
    const value = form.get(field);
    return value === null || value.trim() === '' ? undefined : value;
  };
  const many = (field: string) => form.getAll(field);
  const phone = one('phone');
  const email = one('email');
  const phoneSafe = many('phoneSafe');
  const emailSafe = many('emailSafe');
  const bestTimes = one('bestTimes');
  const reported = one('reported');
  return {
    area: one('area'),
    asker: one('asker'),
    screening: {
      harm: one('harm'),
      reported,
      responsibleKnown: one('responsibleKnown'),
      admitted: one('admitted'),
      stage: one('stage') ?? (reported === 'no' ? 'not-reported' : undefined),
      responsibleUnder18: one('responsibleUnder18'),
      askerUnder18: one('askerUnder18'),
    },
    ways: many('ways'),
    name: one('name'),
    contact: {
      ...(phone
        ? {
            phone: {
              number: phone,
              safeToCall: phoneSafe.includes('call'),
              safeToText: phoneSafe.includes('text'),
              safeForVoicemail: phoneSafe.includes('voicemail'),
              mayNameService: phoneSafe.includes('name'),
              ...(bestTimes ? { bestTimes } : {}),
            },
          }
        : {}),
      ...(email ? { email: { address: email, safeToEmail: emailSafe.includes('email'), mayNameService: emailSafe.includes('name') } } : {}),
    },
    language: { name: one('language'), interpreter: form.get('interpreter') === 'yes' },
    accessNeeds: one('accessNeeds'),
    crimeReference: one('crimeReference'),
    message: one('message'),
    heardFrom: one('heardFrom'),
    consent: form.get('consent') === 'yes',
    idempotencyKey: keyFromAnswers(form),
    website: form.get('website') ?? '',
    token: one('token'),
  };
}

/** A UUID-shaped key from a hash of the answers (the honeypot and the token left out). */
export function keyFromAnswers(form: URLSearchParams): string {
  const entries = [...form.entries()].filter(([field]) => field !== 'website' && field !== 'token').sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1));
  const hex = sha256(JSON.stringify(entries));
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Which form field a referral issue belongs beside. */
const fieldByPath: Record<string, string> = {
  'screening.harm': 'harm',
  'screening.reported': 'reported',
  'screening.responsibleKnown': 'responsibleKnown',
  'screening.admitted': 'admitted',
  'screening.stage': 'stage',
  'screening.responsibleUnder18': 'responsibleUnder18',
  'screening.askerUnder18': 'askerUnder18',
  screening: 'harm',
  contact: 'phone',
  'contact.phone.number': 'phone',
  'contact.phone.bestTimes': 'bestTimes',
  'contact.email.address': 'email',
  language: 'language',
  'language.name': 'language',
};

export function formIssues(issues: readonly FieldIssue[]): FormIssue[] {
  const seen = new Set<string>();
  const out: FormIssue[] = [];
  for (const issue of issues) {
    const field = fieldByPath[issue.path] ?? issue.path.split('.')[0] ?? 'area';
    if (seen.has(field)) continue;
    seen.add(field);
    out.push({ field, message: issue.message });
  }
  return out;
}
