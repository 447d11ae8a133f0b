import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ATTACHMENT_VERSION, composeReferralEmail, type ComposeInput, type ReferralAttachment } from '../../functions/referral/compose.ts';
import { routeReferral } from '../../functions/referral/route.ts';
import { shownBySection, shownFields } from '../../referral/catalogue.ts';
import { validateReferral, type Referral } from '../../referral/schema.ts';
import { loadWords } from '../../src/lib/locale.ts';
import { lookup } from '../../src/lib/words.ts';
import { capturingTransport } from '../support/referral-handler.ts';
import { referrals, type Body } from '../fixtures/referrals.ts';

const words = await loadWords();

function referralOf(body: Body): Referral {
  const result = validateReferral(body);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.referral;
}

function compose(body: Body, extra: Partial<ComposeInput> = {}) {
  const referral = referralOf(body);
  const route = routeReferral(String(referral.answers.area), { nationalRoute: true });
  if (!route.ok) throw new Error(route.code);
  return composeReferralEmail({
    referral,
    reference: 'RJ-7KQ4-M2XD',
    route,
    from: 'Restorative Justice Guide <referrals@rj.example.org>',
    receivedAt: new Date('2026-11-17T14:05:00Z'),
    siteOrigin: 'https://rj.example.org',
    words,
    ...extra,
  });
}

/** The lines of one block of the text body, from its heading to the next blank line. */
function block(text: string, heading: string): string[] {
  const start = text.indexOf(`${heading}`);
  if (start < 0) return [];
  return text.slice(start).split('\n\n')[0]?.split('\n').slice(1).map((line) => line.replace(/^\s+-\s/, '').trim()) ?? [];
}

describe('the referral email', () => {
  it('has a generic subject with the area and reference, and no personal data', () => {
    const email = compose(referrals.valid());
    expect(email.subject).toBe('Restorative justice referral — Merseyside — ref RJ-7KQ4-M2XD');
    for (const personal of ['Sam', '07700', 'sam@example.org', 'house', 'MP/12345']) expect(email.subject).not.toContain(personal);
  });

  it('never has a Reply-To, says so, and marks itself as sent automatically with a Message-ID of the sender’s domain', () => {
    for (const body of [referrals.valid(), referrals.textOnly(), referrals.noSafeWay()]) {
      const email = compose(body);
      expect(email).not.toHaveProperty('replyTo');
      expect(email.headers['Auto-Submitted']).toBe('auto-generated');
      expect(email.messageId).toMatch(/^<RJ-7KQ4-M2XD\.[0-9a-f]+@rj\.example\.org>$/);
      expect(email.text.split('\n')[0]).toMatch(/^Do not reply to this email/);
    }
  });

  it('opens with the safety block: each safe way with its times, each unsafe way as "do not", naming, flags, then the details to copy', () => {
    const { text } = compose(referrals.textOnly());
    const order = ['Safe to use:', 'Not safe:', 'Saying who you are:', 'Flags:', 'Contact details (to copy):', 'Their answers:'].map((heading) => text.indexOf(heading));
    expect(order.every((position) => position > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(block(text, 'Safe to use:')).toEqual(['Text 07700 900123 (safe times: After 6pm)']);
    expect(block(text, 'Not safe:')).toEqual(['Do not call them', 'Do not leave a voicemail', 'Do not email them']);
    expect(block(text, 'Saying who you are:')).toEqual([expect.stringMatching(/^You may say you are from a restorative justice service/)]);
    expect(block(text, 'Contact details (to copy):')).toEqual(['Phone: 07700 900123']);
  });

  it('says "do not contact them" first when no way is safe, and gives no contact details', () => {
    const { text } = compose(referrals.noSafeWay());
    expect(block(text, 'Safety first: how to contact them')[0]).toBe('DO NOT CONTACT THEM. They said no way is safe right now. They will contact you and give reference RJ-7KQ4-M2XD.');
    expect(text).not.toContain('Safe to use:');
    expect(block(text, 'Flags:')[0]).toMatch(/^NO SAFE WAY TO CONTACT THEM/);
    expect(block(text, 'Contact details (to copy):')).toEqual(['They gave no phone number or email address.']);
  });

  it('never shows an unsafe way as safe, never a call time when calls are not safe, for every combination of ways', () => {
    const ways = ['call', 'text', 'voicemail', 'email'] as const;
    fc.assert(
      fc.property(fc.subarray([...ways]), fc.boolean(), fc.boolean(), fc.boolean(), fc.constantFrom('yes', 'no'), (safe, callTimes, textTimes, emailTimes, mayName) => {
        const body = referrals.valid();
        const answers: Record<string, unknown> = { ...body.answers, contactWays: safe.length ? safe : ['none'], mayName };
        for (const id of ['phone', 'email', 'callTimes', 'textTimes', 'emailTimes']) delete answers[id];
        if (safe.some((way) => way !== 'email')) answers.phone = '07700 900123';
        if (safe.includes('email')) answers.email = 'sam@example.org';
        if (callTimes) answers.callTimes = 'Mornings only';
        if (textTimes) answers.textTimes = 'Evenings only';
        if (emailTimes) answers.emailTimes = 'Weekends only';
        if (safe.length === 0) delete answers.mayName;
        const email = compose({ ...body, answers: answers as Body['answers'] });
        const safeBlock = block(email.text, 'Safe to use:').join('\n');
        const unsafeBlock = block(email.text, 'Not safe:').join('\n');
        expect(email).not.toHaveProperty('replyTo');
        expect(email.headers['Auto-Submitted']).toBe('auto-generated');
        if (!safe.includes('call')) expect(safeBlock).not.toMatch(/^Call/m);
        if (!safe.includes('call') && !safe.includes('voicemail')) expect(email.text.split('Their answers:')[0]).not.toContain('Mornings only');
        if (!safe.includes('text')) expect(safeBlock).not.toMatch(/^Text|Evenings only/m);
        if (!safe.includes('voicemail')) expect(safeBlock).not.toMatch(/^Leave a voicemail/m);
        if (!safe.includes('email')) expect(safeBlock).not.toMatch(/^Email/m);
        for (const way of ways) {
          const dont = { call: 'Do not call them', text: 'Do not text them', voicemail: 'Do not leave a voicemail', email: 'Do not email them' }[way];
          if (safe.length === 0) continue;
          expect(unsafeBlock.includes(dont), `${way} in ${safe.join(',')}`).toBe(!safe.includes(way));
        }
        if (safe.length === 0) expect(email.text).toContain('DO NOT CONTACT THEM');
        else expect(block(email.text, 'Saying who you are:')[0]).toMatch(mayName === 'yes' ? /^You may say/ : /^Do not say who you are/);
      }),
      { numRuns: 200 },
    );
  });

  it('flags from the rules: sensitive harm, abuse by a partner, contact now, a child asking with the adult they trust, the person responsible asking', () => {
    const abuse = compose(referrals.domesticAbuse()).text;
    expect(block(abuse, 'Flags:')).toEqual(expect.arrayContaining(['SENSITIVE CASE: Domestic abuse. A facilitator with extra training is needed.', 'They are still in contact with the person responsible.']));
    const partner = compose({ ...referrals.valid(), answers: { ...referrals.valid().answers, harm: 'violence', relationship: 'partner' } }).text;
    expect(block(partner, 'Flags:')).toEqual(expect.arrayContaining(['SENSITIVE CASE: Violence or assault. A facilitator with extra training is needed.', 'Abuse by a partner or family member: treat it as domestic abuse.']));
    const child = compose(referrals.askerUnder18()).text;
    expect(block(child, 'Flags:')).toEqual(expect.arrayContaining([expect.stringMatching(/^PERSON ASKING IS UNDER 18 \(13 to 15\)\. Safeguarding/), 'An adult they trust: Knows, and may be contacted: Ms Shah, 07700 900456']));
    expect(block(compose(referrals.responsibleUnder18()).text, 'Flags:')).toEqual([expect.stringMatching(/Youth Offending Team/)]);
  });

  it('says "no flags" only when none apply, and what to check anyway', () => {
    expect(block(compose(referrals.valid()).text, 'Flags:')).toEqual(['No flags from their answers. Still check their relationship to the person responsible, and whether they are safe, before any contact.']);
    expect(block(compose(referrals.domesticAbuse()).text, 'Flags:').join(' ')).not.toContain('No flags');
  });

  it('lists exactly the catalogue’s shown questions, by section, in the catalogue’s order, with plain labels', () => {
    for (const body of [referrals.valid(), referrals.textOnly(), referrals.askerUnder18()]) {
      const referral = referralOf(body);
      const text = compose(body).text.split('Their answers:')[1]?.split('What we told them would happen next:')[0] ?? '';
      const labels = text.split('\n').filter((line) => /^ {2}\S/.test(line)).map((line) => line.trim().split(': ')[0]);
      expect(labels).toEqual(shownBySection(referral.answers).flatMap(({ fields }) => fields.map((entry) => lookup(words, `email.fields.${entry.id}.label`) ?? entry.id)));
    }
  });

  it('ends with what the person was told would happen next, never promising for the provider', () => {
    const { text } = compose(referrals.valid());
    const next = block(text, 'What we told them would happen next:');
    expect(next[0]).toBe('We have told Restorative Solutions how and when it is safe to contact you. We cannot promise what they will do. If it stops being safe, or you have not heard from them, contact them and give your reference RJ-7KQ4-M2XD.');
    expect(text).not.toContain('will not contact you in any other way');
  });

  it('on the national route, goes to the national service, says which area and the local service’s contacts', () => {
    const email = compose(referrals.nationalRoute());
    expect(email.to).toBe('info@why-me.org');
    expect(email.text).toContain('This referral came through the national route: South Wales has no inbox this website can send to, so it was sent to Why me?');
    expect(email.text).toContain('We do not know of a restorative justice service in South Wales.');
    const staffordshire = compose({ ...referrals.valid(), answers: { ...referrals.valid().answers, area: 'E23000015' } });
    expect(staffordshire.text).toContain('The local service in Staffordshire');
    expect(staffordshire.text).toMatch(/03300 881339/);
  });

  it('escapes every value in the HTML body', () => {
    const body = referrals.valid();
    const answers = body.answers as Record<string, string | string[] | boolean>;
    for (const entry of shownFields(answers)) if (entry.kind === 'text' && entry.id !== 'phone' && entry.id !== 'email' && entry.id !== 'crimeReference') answers[entry.id] = `<b>${entry.id}</b> & "x"`;
    const { html } = compose(body);
    expect(html).not.toMatch(/<b>/);
    for (const entry of shownFields(answers)) if (entry.kind === 'text' && entry.id !== 'phone' && entry.id !== 'email' && entry.id !== 'crimeReference') expect(html).toContain(`&lt;b&gt;${entry.id}&lt;/b&gt; &amp; &quot;x&quot;`);
  });

  it('attaches the referral as versioned JSON whose answers validate against the same schema', () => {
    const email = compose(referrals.valid());
    const attachment = JSON.parse(email.attachments[0]?.content ?? '{}') as ReferralAttachment;
    expect(email.attachments[0]?.filename).toBe('referral-RJ-7KQ4-M2XD.json');
    expect(attachment.version).toBe(ATTACHMENT_VERSION);
    expect(attachment.reference).toBe('RJ-7KQ4-M2XD');
    expect(attachment.route).toEqual({ kind: 'local', recipient: 'Restorative Solutions' });
    expect(validateReferral(attachment.referral).ok).toBe(true);
    expect(attachment.referral).not.toHaveProperty('website');
    expect(attachment.referral).not.toHaveProperty('token');
    expect(email.text).toContain('JSON Schema at https://rj.example.org/schemas/referral.v2.json');
  });

  it('marks a redirected or test referral in the subject and body', () => {
    for (const test of ['redirect', 'test'] as const) {
      const email = compose(referrals.valid(), { test });
      expect(email.subject.startsWith('[TEST')).toBe(true);
      expect(email.text.startsWith('TEST:')).toBe(true);
    }
  });

  it('cannot add a header or a recipient through any answer', async () => {
    const body = referrals.valid();
    (body.answers as Record<string, unknown>).message = 'Hello\r\nBcc: attacker@evil.example\r\nX-Injected: yes';
    const transport = capturingTransport();
    await transport.send(compose(body));
    const [sent] = transport.sent;
    expect(sent?.envelope.to).toEqual(['RJMerseyside@restorativesolutions.org.uk']);
    const headerBlock = sent?.message.split('\n\n')[0] ?? '';
    expect(headerBlock).not.toMatch(/^Bcc:/im);
    expect(headerBlock).not.toMatch(/^X-Injected:/im);
    expect(headerBlock).not.toMatch(/^Reply-To:/im);
  });
});
