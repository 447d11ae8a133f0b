import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { validateReferral } from '../../referral/schema.ts';
import { referrals } from '../fixtures/referrals.ts';

const issuesOf = (body: unknown) => {
  const result = validateReferral(body);
  return result.ok ? [] : result.issues;
};
const withAnswers = (answers: Record<string, unknown>) => {
  const body = referrals.valid();
  body.answers = { ...body.answers, ...answers } as never;
  return body;
};

describe('validating a referral', () => {
  it('accepts the published example', () => {
    expect(issuesOf(JSON.parse(readFileSync('tests/fixtures/referral.valid.json', 'utf8')))).toEqual([]);
  });

  it('accepts every named fixture (the function refuses some of them for its own reasons)', () => {
    for (const [name, make] of Object.entries(referrals)) expect(issuesOf(make()), name).toEqual([]);
  });

  it('trims what people type', () => {
    const result = validateReferral(withAnswers({ name: '  Sam  ' }));
    expect(result.ok && result.referral.answers.name).toBe('Sam');
  });

  it('reports every problem at once, each with its field and a code', () => {
    const body = withAnswers({ name: '', harm: 'arson', contactWays: [] });
    expect(issuesOf(body)).toEqual(
      expect.arrayContaining([
        { path: 'answers.name', code: 'required' },
        { path: 'answers.harm', code: 'not-an-option' },
        { path: 'answers.contactWays', code: 'required' },
      ]),
    );
  });

  it('rejects unknown fields by name, including ones that try to choose the recipient', () => {
    expect(issuesOf({ ...referrals.valid(), to: 'x@evil.example', bcc: 'y@evil.example' })).toEqual(
      expect.arrayContaining([{ path: 'to', code: 'unknown-field' }, { path: 'bcc', code: 'unknown-field' }]),
    );
    expect(issuesOf(withAnswers({ recipient: 'z@evil.example' }))).toEqual([{ path: 'answers.recipient', code: 'unknown-field' }]);
  });

  it('drops answers to questions that do not apply, instead of sending them', () => {
    const result = validateReferral(withAnswers({ interpreter: 'yes', textTimes: 'After 6pm' }));
    expect(result.ok).toBe(true);
    expect(result.ok && 'interpreter' in result.referral.answers).toBe(false);
    expect(result.ok && 'textTimes' in result.referral.answers).toBe(false);
  });

  it('rejects line breaks, control and hidden characters in one-line answers', () => {
    for (const name of ['Sam\r\nBcc: x@evil.example', 'Sam\u0000', 'Sam\u2028x', 'Tab\there']) expect(issuesOf(withAnswers({ name })), JSON.stringify(name)).toEqual([{ path: 'answers.name', code: 'one-line' }]);
    expect(issuesOf(withAnswers({ name: 'Sam\u202egnp.exe' }))).toEqual([{ path: 'answers.name', code: 'hidden-character' }]);
    // Joiners stay allowed: some names need them.
    expect(issuesOf(withAnswers({ name: 'می‌خواهم' }))).toEqual([]);
  });

  it('allows line breaks in the message but not other control characters', () => {
    expect(issuesOf(withAnswers({ message: 'Line one\nLine two' }))).toEqual([]);
    expect(issuesOf(withAnswers({ message: 'Bell\u0007' }))).toEqual([{ path: 'answers.message', code: 'special-character' }]);
  });

  it('caps lengths: the message at 1,000 characters, a name at 80', () => {
    expect(issuesOf(withAnswers({ message: 'a'.repeat(1000) }))).toEqual([]);
    expect(issuesOf(withAnswers({ message: 'a'.repeat(1001) }))).toEqual([{ path: 'answers.message', code: 'too-long' }]);
    expect(issuesOf(withAnswers({ name: 'a'.repeat(81) }))).toEqual([{ path: 'answers.name', code: 'too-long' }]);
  });

  it('asks for the details of each safe way, and no way alongside "none"', () => {
    const body = withAnswers({ contactWays: ['call', 'email'] });
    delete body.answers.phone;
    expect(issuesOf(body)).toEqual([{ path: 'answers.phone', code: 'required' }]);
    expect(issuesOf(withAnswers({ contactWays: ['call', 'none'] }))).toEqual([{ path: 'answers.contactWays', code: 'choose-one' }]);
    expect(issuesOf(withAnswers({ contactWays: ['call', 'call'] }))).toEqual([{ path: 'answers.contactWays', code: 'each-once' }]);
  });

  it('checks the shape of emails, phone numbers, crime references, the area and the idempotency key', () => {
    const body = withAnswers({ phone: '12', email: 'not-an-email', crimeReference: 'ref<script>', area: 'E2300004' });
    expect(issuesOf(body).sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      { path: 'answers.area', code: 'area' },
      { path: 'answers.crimeReference', code: 'crime-reference' },
      { path: 'answers.email', code: 'email' },
      { path: 'answers.phone', code: 'phone' },
    ]);
    expect(issuesOf({ ...referrals.valid(), idempotencyKey: 'abc' })).toEqual([{ path: 'idempotencyKey', code: 'invalid' }]);
  });

  it('says plainly when something is missing or the wrong type', () => {
    const { answers: _answers, ...rest } = referrals.valid();
    expect(issuesOf(rest)).toEqual([{ path: 'answers', code: 'required' }]);
    expect(issuesOf(withAnswers({ language: 'English' }))).toEqual([{ path: 'answers.language', code: 'not-an-option' }]);
    expect(issuesOf(withAnswers({ consent: 'yes' }))).toEqual([{ path: 'answers.consent', code: 'invalid' }]);
    expect(issuesOf('hello')).toEqual([{ path: '(the referral)', code: 'invalid' }]);
  });

  it('lets consent be false here: the function refuses it with its own code', () => {
    expect(issuesOf(referrals.noConsent())).toEqual([]);
  });
});
