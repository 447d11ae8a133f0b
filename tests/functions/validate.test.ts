import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { validateReferral } from '../../functions/referral/validate.ts';
import { referrals } from '../fixtures/referrals.ts';

const issuesOf = (body: unknown) => {
  const result = validateReferral(body);
  return result.ok ? [] : result.issues;
};

describe('validating a referral', () => {
  it('accepts the published example', () => {
    expect(validateReferral(JSON.parse(readFileSync('tests/fixtures/referral.valid.json', 'utf8'))).ok).toBe(true);
  });

  it('accepts every named fixture except where a rule elsewhere refuses it', () => {
    for (const [name, make] of Object.entries(referrals)) expect(validateReferral(make()).ok, name).toBe(true);
  });

  it('trims what people type', () => {
    const result = validateReferral({ ...referrals.valid(), name: '  Sam  ' });
    expect(result.ok && result.referral.name).toBe('Sam');
  });

  it('reports every problem at once, each with its field', () => {
    const body = referrals.valid();
    body.name = '';
    body.ways = [];
    body.screening = { ...body.screening, harm: 'arson' as never };
    const paths = issuesOf(body).map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'ways', 'screening.harm']));
  });

  it('rejects unknown fields by name, including ones that try to choose the recipient', () => {
    const body = { ...referrals.valid(), to: 'x@evil.example', bcc: 'y@evil.example' };
    expect(issuesOf(body)).toEqual(
      expect.arrayContaining([
        { path: 'to', message: 'This field is not part of a referral' },
        { path: 'bcc', message: 'This field is not part of a referral' },
      ]),
    );
    const nested = referrals.valid();
    (nested.contact as Record<string, unknown>).recipient = 'z@evil.example';
    expect(issuesOf(nested).map((issue) => issue.path)).toContain('contact.recipient');
  });

  it('rejects line breaks and control characters in single-line fields', () => {
    for (const name of ['Sam\r\nBcc: x@evil.example', 'Sam\u0000', 'Sam\u2028x', 'Tab\there']) {
      expect(issuesOf({ ...referrals.valid(), name }).map((issue) => issue.path), JSON.stringify(name)).toEqual(['name']);
    }
  });

  it('allows line breaks in the message but not other control characters', () => {
    expect(validateReferral({ ...referrals.valid(), message: 'Line one\nLine two' }).ok).toBe(true);
    expect(issuesOf({ ...referrals.valid(), message: 'Bell\u0007' }).map((issue) => issue.path)).toEqual(['message']);
  });

  it('caps lengths: the message at 1,000 characters, a name at 80', () => {
    expect(validateReferral({ ...referrals.valid(), message: 'a'.repeat(1000) }).ok).toBe(true);
    expect(issuesOf({ ...referrals.valid(), message: 'a'.repeat(1001) })).toEqual([
      { path: 'message', message: 'The message must be 1000 characters or fewer' },
    ]);
    expect(issuesOf({ ...referrals.valid(), name: 'a'.repeat(81) }).map((issue) => issue.path)).toEqual(['name']);
  });

  it('needs at least one way of contact that is safe', () => {
    const body = referrals.valid();
    body.contact = { email: { address: 'sam@example.org', safeToEmail: false, mayNameService: false } };
    expect(issuesOf(body)).toEqual([{ path: 'contact', message: 'Give at least one way that is safe for the service to contact you' }]);
  });

  it('checks the shape of emails, phone numbers, crime references and the idempotency key', () => {
    const body = referrals.valid();
    body.contact = {
      phone: { number: '12', safeToCall: true, safeToText: false, safeForVoicemail: false, mayNameService: false },
      email: { address: 'not-an-email', safeToEmail: true, mayNameService: false },
    };
    body.crimeReference = 'ref<script>';
    body.idempotencyKey = 'abc';
    expect(issuesOf(body).map((issue) => issue.path).sort()).toEqual(
      ['contact.email.address', 'contact.phone.number', 'crimeReference', 'idempotencyKey'].sort(),
    );
  });

  it('says plainly when something is missing or the wrong type', () => {
    const { screening: _screening, ...rest } = referrals.valid();
    expect(issuesOf(rest)).toEqual([{ path: 'screening', message: 'This answer is missing' }]);
    expect(issuesOf({ ...referrals.valid(), language: 'English' })).toEqual([{ path: 'language', message: 'This answer is not valid' }]);
  });

  it('lets consent be false here: the function refuses it with its own code', () => {
    expect(validateReferral(referrals.noConsent()).ok).toBe(true);
  });
});
