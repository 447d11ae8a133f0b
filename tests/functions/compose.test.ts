import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { ATTACHMENT_VERSION, composeReferralEmail, type ComposeInput } from '../../functions/referral/compose.ts';
import { referralSchema, type Referral } from '../../functions/referral/schema.ts';
import { validateReferral } from '../../functions/referral/validate.ts';
import { capturingTransport } from '../support/referral-handler.ts';
import { referrals, type Body } from '../fixtures/referrals.ts';

function compose(body: Body, extra: Partial<ComposeInput> = {}) {
  const result = validateReferral(body);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return composeReferralEmail({
    referral: result.referral,
    reference: 'RJ-7KQ4-M2XD',
    areaName: 'Merseyside',
    providerName: 'Restorative Solutions',
    to: 'RJMerseyside@restorativesolutions.org.uk',
    from: 'Restorative Justice Guide <referrals@example.org>',
    receivedAt: new Date('2026-11-17T14:05:00Z'),
    ...extra,
  });
}

describe('the referral email', () => {
  it('has a generic subject with the area and reference, and no personal data', () => {
    const body = referrals.valid();
    const email = compose(body);
    expect(email.subject).toBe('Restorative justice referral — Merseyside — ref RJ-7KQ4-M2XD');
    for (const personal of ['Sam', '07700', 'sam@example.org', 'house', 'MP/12345']) expect(email.subject).not.toContain(personal);
  });

  it('opens with the safety block: what is safe, what is not, then the flags', () => {
    const { text } = compose(referrals.textOnly());
    const lines = text.split('\n');
    expect(lines[0]).toBe('Restorative justice referral RJ-7KQ4-M2XD');
    const safe = text.indexOf('Safety first: how to contact them. Safe:');
    const unsafe = text.indexOf('Not safe, so do not:');
    const flags = text.indexOf('Flags:');
    const answers = text.indexOf('Their answers:');
    expect(safe).toBeGreaterThan(0);
    expect(safe).toBeLessThan(unsafe);
    expect(unsafe).toBeLessThan(flags);
    expect(flags).toBeLessThan(answers);
    expect(text.slice(safe, unsafe)).toContain('Text 07700 900456');
    expect(text.slice(unsafe, flags)).toContain('call 07700 900456');
    expect(text.slice(unsafe, flags)).toContain('leave a voicemail');
    expect(text.slice(unsafe, flags)).toContain('name the service in a call, text or voicemail');
  });

  it('flags sensitive cases and under-18s before the answers', () => {
    const abuse = compose(referrals.domesticAbuse()).text;
    expect(abuse.indexOf('SENSITIVE CASE: Domestic abuse. A specialist facilitator is needed.')).toBeLessThan(abuse.indexOf('Their answers:'));
    expect(compose(referrals.responsibleUnder18()).text).toContain('Youth Offending Team');
    expect(compose(referrals.askerUnder18()).text).toContain('The person asking is under 18.');
    expect(compose(referrals.valid()).text).toContain('No flags.');
  });

  it('lists the answers in the same order, with plain labels, every time', () => {
    const labels = (text: string) =>
      text
        .split('Their answers:\n')[1]
        ?.split('\n\n')[0]
        ?.split('\n')
        .filter((line) => !line.startsWith('    '))
        .map((line) => line.split(':')[0]);
    const expected = [
      'Reference', 'Area', 'Received', 'Name to use', 'Who is asking', 'What kind of harm', 'Reported to the police',
      'Do they know who was responsible', 'Has the person responsible admitted it', 'Where the case is now',
      'Person responsible under 18 at the time', 'Person asking is under 18', 'Ways they would consider', 'Phone', 'Email',
      'Language', 'Interpreter needed', 'Access needs', 'Crime reference', 'Their message', 'How they heard about us', 'Consent',
    ];
    expect(labels(compose(referrals.valid()).text)).toEqual(expected);
    expect(labels(compose(referrals.textOnly()).text)).toEqual(expected);
  });

  it('ends with what the person was told would happen next', () => {
    const { text } = compose(referrals.valid());
    expect(text.indexOf('What we told them would happen next:')).toBeGreaterThan(text.indexOf('Consent:'));
    expect(text).toContain('Restorative Solutions will contact you in the way you said is safe.');
  });

  it('escapes every value in the HTML body', () => {
    const body = referrals.valid();
    body.message = '<script>alert(1)</script> & "quotes"';
    body.name = '<b>Sam</b>';
    const { html } = compose(body);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>Sam</b>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
  });

  it('sets Reply-To only when the person said email is safe', () => {
    expect(compose(referrals.valid()).replyTo).toBe('sam@example.org');
    expect(compose(referrals.textOnly()).replyTo).toBeUndefined();
    const unsafeEmail = referrals.valid();
    unsafeEmail.contact = { ...unsafeEmail.contact, email: { address: 'sam@example.org', safeToEmail: false, mayNameService: false } };
    expect(compose(unsafeEmail).replyTo).toBeUndefined();
  });

  it('attaches the referral as versioned JSON that validates against the same schema', () => {
    const email = compose(referrals.valid());
    const attachment = JSON.parse(email.attachments[0]?.content ?? '{}') as { version: string; referral: Referral; reference: string };
    expect(email.attachments[0]?.filename).toBe('referral-RJ-7KQ4-M2XD.json');
    expect(attachment.version).toBe(ATTACHMENT_VERSION);
    expect(attachment.reference).toBe('RJ-7KQ4-M2XD');
    expect(z.safeParse(referralSchema, attachment.referral).success).toBe(true);
    expect(attachment.referral).not.toHaveProperty('website');
  });

  it('marks a redirected referral as a test in the subject and body', () => {
    const email = compose(referrals.valid(), { to: 'staging@example.org', test: { intendedFor: 'RJMerseyside@restorativesolutions.org.uk' } });
    expect(email.subject.startsWith('[TEST')).toBe(true);
    expect(email.text.startsWith('TEST:')).toBe(true);
  });

  it('cannot add a header or a recipient through any answer', async () => {
    const body = referrals.valid();
    body.message = 'Hello\r\nBcc: attacker@evil.example\r\nX-Injected: yes';
    const transport = capturingTransport();
    await transport.send(compose(body));
    const [sent] = transport.sent;
    expect(sent?.envelope.to).toEqual(['RJMerseyside@restorativesolutions.org.uk']);
    const headerBlock = sent?.message.split('\n\n')[0] ?? '';
    expect(headerBlock).not.toMatch(/^Bcc:/im);
    expect(headerBlock).not.toMatch(/^X-Injected:/im);
  });
});
