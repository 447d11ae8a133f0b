import { randomBytes } from 'node:crypto';
import { shownAsNotGiven } from '../../referral/answer-rules.ts';
import { shownBySection, type Field } from '../../referral/catalogue.ts';
import { flags, isDomestic, noSafeWay, safeTimes, safeWays, unsafeWays } from '../../referral/rules.ts';
import { nextStepKeys } from '../../referral/outcome.ts';
import { REFERRAL_VERSION, type Referral } from '../../referral/schema.ts';
import type { ContactWay } from '../../referral/vocabulary.ts';
import { areaByCode } from '../../src/lib/areas.ts';
import { escapeHtml } from '../../src/lib/html.ts';
import { fill, lookup, type Words } from '../../src/lib/words.ts';
import type { Route } from './route.ts';

/**
 * Composes the referral email, apart from sending it. The same structure every time: a generic
 * subject with no personal data; a body that opens with the safety block (each safe way of contact with
 * its safe times, each unsafe way as "do not", whether the service may be named, the flags from the
 * rules, the contact details to copy); then, for the national route, which area and its local service;
 * then every answer in the catalogue's order and sections, with plain labels; then what the person was
 * told would happen next. A JSON attachment carries the referral for import. There is never a Reply-To:
 * a reply could quote the referral to an inbox someone else reads.
 */
export const ATTACHMENT_VERSION = REFERRAL_VERSION;

export type ComposeInput = {
  referral: Referral;
  reference: string;
  route: Extract<Route, { ok: true }>;
  /** The sender, from MAIL_FROM; the Message-ID uses its domain. */
  from: string;
  receivedAt: Date;
  /** The site's public origin, for the address of the published JSON Schema. */
  siteOrigin: string;
  /** `redirect`: staging sent it to a test inbox; `test`: a test referral (npm run referral:test). */
  test?: 'redirect' | 'test';
  words: Words;
};

export type ComposedEmail = {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers: Record<string, string>;
  attachments: { filename: string; content: string; contentType: string }[];
};

export type ReferralAttachment = {
  version: typeof ATTACHMENT_VERSION;
  reference: string;
  receivedAt: string;
  route: { kind: 'local' | 'national'; recipient: string };
  area: { code: string; name: string };
  referral: Pick<Referral, 'answers' | 'idempotencyKey'>;
};

type Block = { heading: string; lines: string[] };
type Row = { label: string; value: string };
type Body = { title: string; notices: string[]; safety: Block[]; intro: string; national: Block | undefined; sections: { heading: string; rows: Row[] }[]; next: string[]; note: string; footer: string };

const londonTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/London' });

export function composeReferralEmail(input: ComposeInput): ComposedEmail {
  const { referral, reference, route } = input;
  const w = (key: string, vars: Record<string, string> = {}) => fill(lookup(input.words, `email.${key}`) ?? `[email.${key}]`, vars);
  const answers = referral.answers;
  const area = route.area;
  const received = londonTime.format(input.receivedAt);
  const vars = { reference, recipient: route.recipient, area: area.name, name: String(answers.name ?? ''), received };
  const file = `referral-${reference}.json`;
  const notices = [
    ...(input.test === 'test' ? [w('testNotice', { to: route.intendedFor })] : []),
    ...(input.test === 'redirect' ? [w('redirectNotice', { to: route.intendedFor })] : []),
    w('doNotReply'),
  ];
  const attachment: ReferralAttachment = {
    version: ATTACHMENT_VERSION,
    reference,
    receivedAt: input.receivedAt.toISOString(),
    route: { kind: route.kind, recipient: route.recipient },
    area: { code: area.code, name: area.name },
    referral: { answers, idempotencyKey: referral.idempotencyKey },
  };
  const body: Body = {
    title: w('title', vars),
    notices,
    safety: safetyBlocks(referral, reference, w, input.words),
    intro: w('intro', vars),
    national: route.kind === 'national' ? nationalBlock(route, w) : undefined,
    sections: answerSections(referral, input.words, (key, extra = {}) => w(key, { ...vars, ...extra })),
    next: nextSteps(referral, route, vars, input.words),
    note: w('attachmentNote', { file, version: ATTACHMENT_VERSION, schema: `${input.siteOrigin}/schemas/${ATTACHMENT_VERSION}.json` }),
    footer: w('footer', vars),
  };
  const domain = /@([^>\s]+)>?\s*$/.exec(input.from)?.[1] ?? 'localhost';
  return {
    from: input.from,
    to: route.to,
    subject: (input.test ? w('testSubjectPrefix') : '') + w('subject', vars),
    text: textBody(body, w('answersHeading'), w('nextHeading')),
    html: htmlBody(body, w('answersHeading'), w('nextHeading')),
    // The sender's own domain, never this machine's name.
    messageId: `<${reference}.${randomBytes(6).toString('hex')}@${domain}>`,
    headers: { 'X-Referral-Reference': reference, 'Auto-Submitted': 'auto-generated' },
    attachments: [{ filename: file, content: `${JSON.stringify(attachment, null, 2)}\n`, contentType: 'application/json' }],
  };
}

/** How it is safe to make contact, how it is not, whether the service may be named, the flags, and the details to copy. */
function safetyBlocks(referral: Referral, reference: string, w: (key: string, vars?: Record<string, string>) => string, words: Words): Block[] {
  const answers = referral.answers;
  const phone = String(answers.phone ?? '');
  const email = String(answers.email ?? '');
  const wayLine = (way: ContactWay) => {
    const base = way === 'email' ? w('contact.email', { address: email }) : w(`contact.${way}`, { number: phone });
    const times = safeTimes(answers, way);
    return `${base} (${times ? w('contact.times', { times }) : w('contact.anyTime')})`;
  };
  const dont: Record<ContactWay, string> = { call: 'contact.dontCall', text: 'contact.dontText', voicemail: 'contact.dontVoicemail', email: 'contact.dontEmail' };
  const blocks: Block[] = [];
  if (noSafeWay(answers)) {
    blocks.push({ heading: w('safetyHeading'), lines: [w('contact.noSafeWay', { reference })] });
  } else {
    blocks.push({ heading: `${w('safetyHeading')}. ${w('safeHeading')}:`, lines: safeWays(answers).map(wayLine) });
    blocks.push({ heading: `${w('unsafeHeading')}:`, lines: unsafeWays(answers).map((way) => w(dont[way])) });
    blocks.push({ heading: `${w('namingHeading')}:`, lines: [w(answers.mayName === 'yes' ? 'contact.mayName' : 'contact.mayNotName')] });
  }
  blocks.push({ heading: `${w('flagsHeading')}:`, lines: flagLines(referral, w, words) });
  const details = [...(phone ? [w('contact.phone', { number: phone })] : []), ...(email ? [w('contact.emailAddress', { address: email })] : [])];
  blocks.push({ heading: `${w('contactHeading')}:`, lines: details.length > 0 ? details : [w('contact.noDetails')] });
  return blocks;
}

function flagLines(referral: Referral, w: (key: string, vars?: Record<string, string>) => string, words: Words): string[] {
  const answers = referral.answers;
  const value = (id: string, option: string) => lookup(words, `email.fields.${id}.values.${option}`) ?? option;
  const lines: string[] = [];
  for (const flag of flags(answers)) {
    if (flag === 'asker-under-18') {
      lines.push(w('flags.asker-under-18', { age: value('askerAge', String(answers.askerAge)) }));
      if (answers.trustedAdult) lines.push(w('flags.trusted-adult', { adult: `${value('trustedAdult', String(answers.trustedAdult))}${answers.trustedAdultContact ? `: ${answers.trustedAdultContact}` : ''}` }));
    } else if (flag === 'sensitive') {
      lines.push(w('flags.sensitive', { harm: value('harm', String(answers.harm)) }));
      if (isDomestic(answers) && answers.harm !== 'domestic-abuse') lines.push(w('flags.domestic'));
    } else if (flag === 'on-hold') {
      lines.push(w('flags.on-hold', { stage: value('stage', String(answers.stage)).toLowerCase() }));
    } else {
      lines.push(w(`flags.${flag}`));
    }
  }
  return lines.length > 0 ? lines : [w('flags.none')];
}

/** For the national route: which area the person is in, and what we know of its local service. */
function nationalBlock(route: Extract<Route, { ok: true }>, w: (key: string, vars?: Record<string, string>) => string): Block {
  const { area } = route;
  const provider = area.provider;
  const lines = [w('nationalRoute', { area: area.name, recipient: route.recipient })];
  if (!provider) lines.push(w('localServiceNone', { area: area.name }));
  else {
    lines.push(`${provider.service ? `${provider.service} (${provider.name})` : provider.name}`);
    for (const phone of provider.phones) lines.push(`${phone.label}: ${phone.number}`);
    for (const email of provider.emails) lines.push(`${email.label}: ${email.address}`);
    if (provider.website) lines.push(`${provider.website.label}: ${provider.website.url}`);
  }
  return { heading: w('localServiceHeading', { area: area.name }), lines };
}

/** Every answer, by section, in the catalogue's order. */
function answerSections(referral: Referral, words: Words, w: (key: string, vars?: Record<string, string>) => string): { heading: string; rows: Row[] }[] {
  const answers = referral.answers;
  return shownBySection(answers).map(({ section, fields }) => ({
    heading: w(`sections.${section}`),
    rows: fields.map((entry) => ({ label: lookup(words, `email.fields.${entry.id}.label`) ?? entry.id, value: answerText(entry, answers[entry.id as keyof typeof answers], words, w) })),
  }));
}

export function answerText(entry: Field, value: unknown, words: Words, w: (key: string, vars?: Record<string, string>) => string): string {
  if (shownAsNotGiven(value)) {
    if (entry.kind === 'agreement' && entry.id === 'checkDetails') return w('fields.checkDetails.notGiven');
    return w('notGiven');
  }
  const option = (item: string) => lookup(words, `email.fields.${entry.id}.values.${item}`) ?? item;
  switch (entry.kind) {
    case 'choice':
      return option(String(value));
    case 'multi':
      return (value as string[]).map(option).join('; ');
    case 'place':
      return areaByCode(String(value))?.name ?? String(value);
    case 'agreement':
      return value === true ? (lookup(words, `email.fields.${entry.id}.given`) ? w(`fields.${entry.id}.given`) : w('yes')) : w('no');
    case 'text':
      return String(value);
  }
}

/** What the person was told would happen next (the same words as their "sent" page). */
export function nextSteps(referral: Referral, route: Extract<Route, { ok: true }>, vars: Record<string, string>, words: Words): string[] {
  return nextStepKeys(referral.answers, route.kind).map((key) => fill(lookup(words, key) ?? `[${key}]`, vars));
}

function textBody(body: Body, answersHeading: string, nextHeading: string): string {
  const out: string[] = [];
  for (const notice of body.notices) out.push(notice, '');
  out.push(body.title, '='.repeat(body.title.length), '');
  for (const block of body.safety) {
    out.push(block.heading);
    for (const line of block.lines.length ? block.lines : ['(none)']) out.push(`  - ${line}`);
    out.push('');
  }
  out.push(body.intro, '');
  if (body.national) {
    out.push(`${body.national.heading}:`);
    for (const line of body.national.lines) out.push(`  ${indentContinuation(line)}`);
    out.push('');
  }
  out.push(`${answersHeading}:`, '');
  for (const section of body.sections) {
    out.push(`${section.heading}:`);
    for (const row of section.rows) out.push(`  ${row.label}: ${indentContinuation(row.value)}`);
    out.push('');
  }
  out.push(`${nextHeading}:`);
  for (const step of body.next) out.push(`  - ${step}`);
  out.push('', body.note, '', body.footer, '');
  return out.join('\n');
}

/** Lines after the first of a multi-line answer are indented, so they cannot look like a new label. */
function indentContinuation(value: string): string {
  return value.replace(/\r\n|\r|\n/g, '\n      ');
}

function htmlBody(body: Body, answersHeading: string, nextHeading: string): string {
  const e = escapeHtml;
  const multiline = (value: string) => e(value).replace(/\r\n|\r|\n/g, '<br>');
  const list = (lines: string[]) => `<ul>${(lines.length ? lines : ['(none)']).map((line) => `<li>${e(line)}</li>`).join('')}</ul>`;
  const safety = body.safety.map((block) => `<h2 style="font-size:18px;margin:16px 0 4px">${e(block.heading)}</h2>${list(block.lines)}`).join('');
  const sections = body.sections
    .map(
      (section) =>
        `<h3 style="font-size:16px;margin:16px 0 4px">${e(section.heading)}</h3><table>${section.rows
          .map((row) => `<tr><th scope="row" style="text-align:left;vertical-align:top;padding:4px 12px 4px 0">${e(row.label)}</th><td style="padding:4px 0">${multiline(row.value)}</td></tr>`)
          .join('')}</table>`,
    )
    .join('');
  return [
    '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>',
    e(body.title),
    '</title></head><body style="font-family:Arial,sans-serif;font-size:16px;line-height:1.4;color:#0b0c0c">',
    ...body.notices.map((notice) => `<p style="border:3px solid #d4351c;padding:8px"><strong>${e(notice)}</strong></p>`),
    `<h1 style="font-size:24px">${e(body.title)}</h1>`,
    `<div style="border-left:6px solid #d4351c;padding-left:12px">${safety}</div>`,
    `<p>${e(body.intro)}</p>`,
    body.national ? `<h2 style="font-size:18px">${e(body.national.heading)}</h2>${list(body.national.lines)}` : '',
    `<h2 style="font-size:18px">${e(answersHeading)}</h2>${sections}`,
    `<h2 style="font-size:18px">${e(nextHeading)}</h2>${list(body.next)}`,
    `<p>${e(body.note)}</p><p style="color:#505a5f">${e(body.footer)}</p>`,
    '</body></html>',
  ].join('');
}
