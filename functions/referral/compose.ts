import words from '../../content/referral/email.json' with { type: 'json' };
import { escapeHtml } from '../../src/lib/html.ts';
import { fill } from '../../src/lib/words.ts';
import { assess } from '../../machines/outcome.ts';
import type { Referral } from './schema.ts';

/**
 * Composes the referral email, apart from sending it. The same structure every time: a generic
 * subject with no personal data; a body that opens with how it is (and is not) safe to make contact
 * and the case flags; then every answer in a fixed order with plain labels; then what the person was
 * told would happen next. A JSON attachment carries the referral for import.
 */

export const ATTACHMENT_VERSION = 'referral.v1';

export type ComposeInput = {
  referral: Referral;
  reference: string;
  areaName: string;
  providerName: string;
  /** The inbox the email goes to (already routed from our own data). */
  to: string;
  /** The sender, from MAIL_FROM. */
  from: string;
  /** When the referral was received. */
  receivedAt: Date;
  /** Staging: the email goes to a test inbox instead of `intendedFor`. */
  test?: { intendedFor: string };
};

export type ComposedEmail = {
  from: string;
  to: string;
  replyTo?: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  attachments: { filename: string; content: string; contentType: string }[];
};

export type ReferralAttachment = {
  version: typeof ATTACHMENT_VERSION;
  reference: string;
  receivedAt: string;
  area: { code: string; name: string };
  provider: { name: string };
  referral: Referral;
};

type Section = { heading: string; lines: string[] };
type Row = { label: string; value: string };

const londonTime = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/London',
});

export function composeReferralEmail(input: ComposeInput): ComposedEmail {
  const { referral, reference, providerName } = input;
  const received = londonTime.format(input.receivedAt);
  const vars = { reference, provider: providerName, area: input.areaName, name: referral.name, received };
  const safety = safetySections(referral);
  const rows = answerRows(input, received);
  const next = words.nextSteps.map((step) => fill(step, vars));
  const file = `referral-${reference}.json`;
  const intro = fill(words.intro, vars);
  const testNotice = input.test ? fill(words.testNotice, { to: input.test.intendedFor }) : undefined;
  const attachment: ReferralAttachment = {
    version: ATTACHMENT_VERSION,
    reference,
    receivedAt: input.receivedAt.toISOString(),
    area: { code: referral.area, name: input.areaName },
    provider: { name: providerName },
    referral: withoutBotFields(referral),
  };
  return {
    from: input.from,
    to: input.to,
    // Only when they said email is safe: otherwise a reply could reach the wrong person.
    replyTo: referral.contact.email?.safeToEmail ? referral.contact.email.address : undefined,
    subject: (input.test ? words.testSubjectPrefix : '') + fill(words.subject, vars),
    text: textBody({ title: fill(words.title, vars), testNotice, intro, safety, rows, next, note: fill(words.attachmentNote, { file, version: ATTACHMENT_VERSION }), footer: fill(words.footer, vars) }),
    html: htmlBody({ title: fill(words.title, vars), testNotice, intro, safety, rows, next, note: fill(words.attachmentNote, { file, version: ATTACHMENT_VERSION }), footer: fill(words.footer, vars) }),
    headers: { 'X-Referral-Reference': reference },
    attachments: [{ filename: file, content: `${JSON.stringify(attachment, null, 2)}\n`, contentType: 'application/json' }],
  };
}

function withoutBotFields(referral: Referral): Referral {
  const { website: _website, token: _token, ...rest } = referral;
  return rest;
}

/** How it is safe to make contact, how it is not, and the flags a provider must see first. */
function safetySections(referral: Referral): Section[] {
  const c = words.contact;
  const safe: string[] = [];
  const unsafe: string[] = [];
  const { phone, email } = referral.contact;
  if (phone) {
    const number = phone.number;
    (phone.safeToCall ? safe : unsafe).push(fill(phone.safeToCall ? c.callSafe : c.callUnsafe, { number }));
    (phone.safeToText ? safe : unsafe).push(fill(phone.safeToText ? c.textSafe : c.textUnsafe, { number }));
    (phone.safeForVoicemail ? safe : unsafe).push(phone.safeForVoicemail ? c.voicemailSafe : c.voicemailUnsafe);
    (phone.mayNameService ? safe : unsafe).push(phone.mayNameService ? c.phoneNameSafe : c.phoneNameUnsafe);
    if (phone.bestTimes) safe.push(fill(c.bestTimes, { times: phone.bestTimes }));
  } else {
    safe.push(c.noPhone);
  }
  if (email) {
    (email.safeToEmail ? safe : unsafe).push(fill(email.safeToEmail ? c.emailSafe : c.emailUnsafe, { address: email.address }));
    (email.mayNameService ? safe : unsafe).push(email.mayNameService ? c.emailNameSafe : c.emailNameUnsafe);
  } else {
    safe.push(c.noEmail);
  }
  return [
    { heading: `${words.safetyHeading}. ${words.safeHeading}:`, lines: safe },
    { heading: `${words.unsafeHeading}:`, lines: unsafe },
    { heading: `${words.flagsHeading}:`, lines: flags(referral) },
  ];
}

/**
 * The flags come from the same outcome rules the conversation uses (machines/outcome.ts); the email
 * adds what a provider needs on top: answers the person was not sure of, and referrals for someone else.
 */
function flags(referral: Referral): string[] {
  const f = words.flags;
  const s = referral.screening;
  const { kind, reasons, notes } = assess(s, referral.asker);
  const list: string[] = [];
  if (notes.includes('sensitive')) list.push(fill(f.sensitive, { harm: words.values.harm[s.harm] }));
  if (notes.includes('responsible-under-18')) list.push(f.responsibleUnder18);
  if (s.responsibleUnder18 === 'not-sure') list.push(f.responsibleUnder18NotSure);
  if (notes.includes('asker-under-18')) list.push(f.askerUnder18);
  if (kind === 'on-hold') list.push(fill(f.onHold, { stage: words.values.stage[s.stage].toLowerCase() }));
  if (reasons.includes('denied') || s.admitted === 'not-sure') list.push(f.notAdmitted);
  if (reasons.includes('nobody-identified') || s.responsibleKnown === 'not-sure') list.push(f.notKnown);
  if (referral.asker === 'on-behalf') list.push(f.onBehalf);
  if (notes.includes('asker-is-responsible')) list.push(f.personResponsible);
  return list.length > 0 ? list : [f.none];
}

/** Every answer, in the same order for every referral. */
function answerRows(input: ComposeInput, received: string): Row[] {
  const { referral, reference } = input;
  const l = words.labels;
  const v = words.values;
  const s = referral.screening;
  const yesNo = (value: boolean) => (value ? words.yes : words.no);
  const optional = (value: string | undefined) => value ?? words.notGiven;
  const { phone, email } = referral.contact;
  return [
    { label: l.reference, value: reference },
    { label: l.area, value: input.areaName },
    { label: l.received, value: received },
    { label: l.name, value: referral.name },
    { label: l.asker, value: v.asker[referral.asker] },
    { label: l.harm, value: v.harm[s.harm] },
    { label: l.reported, value: v.yesNoNotSure[s.reported] },
    { label: l.responsibleKnown, value: v.yesNoNotSure[s.responsibleKnown] },
    { label: l.admitted, value: v.admitted[s.admitted] },
    { label: l.stage, value: v.stage[s.stage] },
    { label: l.responsibleUnder18, value: v.yesNoNotSure[s.responsibleUnder18] },
    { label: l.askerUnder18, value: v.askerUnder18[s.askerUnder18] },
    { label: l.ways, value: referral.ways.map((way) => v.ways[way]).join('; ') },
    { label: l.phone, value: optional(phone?.number) },
    { label: l.email, value: optional(email?.address) },
    { label: l.language, value: referral.language.name },
    { label: l.interpreter, value: yesNo(referral.language.interpreter) },
    { label: l.accessNeeds, value: optional(referral.accessNeeds) },
    { label: l.crimeReference, value: optional(referral.crimeReference) },
    { label: l.message, value: optional(referral.message) },
    { label: l.heardFrom, value: referral.heardFrom ? v.heardFrom[referral.heardFrom] : words.notGiven },
    { label: l.consent, value: fill(words.consentGiven, { provider: input.providerName }) },
  ];
}

type Body = { title: string; testNotice?: string; intro: string; safety: Section[]; rows: Row[]; next: string[]; note: string; footer: string };

function textBody(body: Body): string {
  const out: string[] = [];
  if (body.testNotice) out.push(body.testNotice, '');
  out.push(body.title, '='.repeat(body.title.length), '');
  for (const section of body.safety) {
    out.push(section.heading);
    if (section.lines.length === 0) out.push('  (nothing)');
    for (const line of section.lines) out.push(`  - ${line}`);
    out.push('');
  }
  out.push(body.intro, '', `${words.answersHeading}:`);
  for (const row of body.rows) out.push(`${row.label}: ${indentContinuation(row.value)}`);
  out.push('', `${words.nextHeading}:`);
  for (const step of body.next) out.push(`  - ${step}`);
  out.push('', body.note, '', body.footer, '');
  return out.join('\n');
}

/** Lines after the first of a multi-line answer are indented, so they cannot look like a new label. */
function indentContinuation(value: string): string {
  return value.replace(/\r\n|\r|\n/g, '\n    ');
}


function htmlBody(body: Body): string {
  const e = escapeHtml;
  const multiline = (value: string) => e(value).replace(/\r\n|\r|\n/g, '<br>');
  const sections = body.safety
    .map(
      (section) =>
        `<h2 style="font-size:18px;margin:16px 0 4px">${e(section.heading)}</h2><ul>${
          section.lines.length ? section.lines.map((line) => `<li>${e(line)}</li>`).join('') : '<li>(nothing)</li>'
        }</ul>`,
    )
    .join('');
  const rows = body.rows
    .map((row) => `<tr><th scope="row" style="text-align:left;vertical-align:top;padding:4px 12px 4px 0">${e(row.label)}</th><td style="padding:4px 0">${multiline(row.value)}</td></tr>`)
    .join('');
  return [
    '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>',
    e(body.title),
    '</title></head><body style="font-family:Arial,sans-serif;font-size:16px;line-height:1.4;color:#0b0c0c">',
    body.testNotice ? `<p style="border:3px solid #d4351c;padding:8px"><strong>${e(body.testNotice)}</strong></p>` : '',
    `<h1 style="font-size:24px">${e(body.title)}</h1>`,
    `<div style="border-left:6px solid #d4351c;padding-left:12px">${sections}</div>`,
    `<p>${e(body.intro)}</p>`,
    `<h2 style="font-size:18px">${e(words.answersHeading)}</h2><table>${rows}</table>`,
    `<h2 style="font-size:18px">${e(words.nextHeading)}</h2><ul>${body.next.map((step) => `<li>${e(step)}</li>`).join('')}</ul>`,
    `<p>${e(body.note)}</p><p style="color:#505a5f">${e(body.footer)}</p>`,
    '</body></html>',
  ].join('');
}
