import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { areaByCode } from '../../src/lib/areas.ts';
import { areaRoute } from '../../src/lib/area-routing.ts';
import { nationalRoute } from '../../src/lib/national-route.ts';
import { loadWords } from '../../src/lib/locale.ts';
import { lookup } from '../../src/lib/words.ts';
import { referencePattern } from '../../functions/referral/reference.ts';
import { startTestSmtp } from '../support/smtp.ts';

/**
 * `npm run referral:test -- --area <code>` as a process, against a real smtp-server on loopback: one
 * message, marked TEST in its subject and body, reaches the inbox of the area's route; unknown codes
 * and areas that cannot take referrals are refused with one line and nothing is sent.
 */
const run = promisify(execFile);
let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
let prefix = '';
let noticeStart = '';

beforeAll(async () => {
  smtp = await startTestSmtp();
  const words = await loadWords();
  prefix = String(lookup(words, 'email.testSubjectPrefix'));
  // The notice up to its first placeholder ({to}).
  noticeStart = String(lookup(words, 'email.testNotice')).split('{')[0]!.trim();
});
afterAll(() => smtp.close());

/** Runs the script with only the settings given (nothing inherited that could change its route). */
async function referralTest(args: string[], extra: Record<string, string> = {}) {
  const env = {
    PATH: process.env.PATH ?? '',
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Restorative Justice Guide <referrals@rj.example.org>',
    SITE_URL: 'https://rj.example.org',
    ...extra,
  };
  const argv = ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', 'scripts/referral-test.ts', ...args];
  try {
    const { stdout, stderr } = await run(process.execPath, argv, { env, timeout: 30_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('npm run referral:test', () => {
  it('sends one referral marked TEST to a local route’s inbox, and prints where and the reference', async () => {
    const before = smtp.received.length;
    const merseyside = areaByCode('E23000004')!;
    const inbox = areaRoute(merseyside, true).inbox;
    expect(inbox).toBeTruthy();
    const result = await referralTest(['--area', 'E23000004']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const reference = /Reference: (\S+)/.exec(result.stdout)?.[1] ?? '';
    expect(reference).toMatch(referencePattern);
    expect(result.stdout).toContain(`To:        ${inbox}`);

    expect(smtp.received).toHaveLength(before + 1);
    const message = smtp.received.at(-1)!;
    expect(message.envelope.to).toEqual([inbox]);
    expect(message.mail.subject?.startsWith(prefix)).toBe(true);
    expect(message.mail.subject).toContain(reference);
    expect(message.mail.headers.get('x-referral-reference')).toBe(reference);
    const text = message.mail.text ?? '';
    expect(text).toContain(noticeStart);
    expect(text).toContain(inbox);
    expect(message.mail.html || '').toContain(noticeStart);
    // Plainly fake answers, in the attachment too.
    expect(text).toContain('TEST - not a real person');
    const attachment = JSON.parse(message.mail.attachments[0]?.content.toString('utf8') ?? '{}') as { reference: string; area: { code: string }; referral: { answers: Record<string, unknown> } };
    expect(attachment.reference).toBe(reference);
    expect(attachment.area.code).toBe('E23000004');
    expect(attachment.referral.answers.email).toBe('test-referral@example.org');
  });

  it('sends to the national safety-net route for an area without an inbox of its own', async () => {
    const before = smtp.received.length;
    const result = await referralTest(['--area', 'W15000003']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(nationalRoute.recipient.email);
    expect(smtp.received).toHaveLength(before + 1);
    const message = smtp.received.at(-1)!;
    expect(message.envelope.to).toEqual([nationalRoute.recipient.email]);
    expect(message.mail.subject?.startsWith(prefix)).toBe(true);
  });

  it('goes to the real inbox even where REFERRAL_REDIRECT_TO is set', async () => {
    const before = smtp.received.length;
    const result = await referralTest(['--area=E23000004'], { REFERRAL_REDIRECT_TO: 'staging@rj.example.org' });
    expect(result.code).toBe(0);
    expect(smtp.received).toHaveLength(before + 1);
    expect(smtp.received.at(-1)!.envelope.to).toEqual([areaRoute(areaByCode('E23000004')!, true).inbox]);
  });

  it('refuses an unknown area code with one line, and sends nothing', async () => {
    const before = smtp.received.length;
    const result = await referralTest(['--area', 'E23000099']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^Unknown area "E23000099"/);
    expect(smtp.received).toHaveLength(before);
  });

  it('refuses an area whose route cannot take referrals with one line, and sends nothing', async () => {
    const before = smtp.received.length;
    // With the national route switched off, an area without an inbox of its own has no route.
    const result = await referralTest(['--area', 'W15000003'], { NATIONAL_ROUTE: 'off' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^South Wales \(W15000003\) cannot take online referrals/);
    expect(smtp.received).toHaveLength(before);
  });

  it('says which setting is missing without SMTP_URL, in one line', async () => {
    const result = await referralTest(['--area', 'E23000004'], { SMTP_URL: '' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/SMTP_URL/);
  });
});
