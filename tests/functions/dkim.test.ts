import { generateKeyPairSync } from 'node:crypto';
import { dkimVerify } from 'mailauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { composeReferralEmail } from '../../functions/referral/compose.ts';
import { smtpOptions, smtpTransport } from '../../functions/referral/deliver.ts';
import { routeReferral } from '../../functions/referral/route.ts';
import { settingsFromEnv } from '../../functions/referral/settings.ts';
import { validateReferral } from '../../referral/schema.ts';
import { loadWords } from '../../src/lib/locale.ts';
import { testAnswers } from '../../scripts/referral-test.ts';
import { startTestSmtp, type Received } from '../support/smtp.ts';

/**
 * DKIM signing (DKIM_DOMAIN, DKIM_SELECTOR, DKIM_PRIVATE_KEY: nodemailer's own signing, through
 * smtpOptions): a message sent through the real transport to a real SMTP server on loopback carries a
 * signature that mailauth verifies against the public key published for the selector, and that fails
 * against any other key.
 */
const domain = 'rj.example.org';
const selector = 'referrals2026';
const from = `Restorative Justice Guide <referrals@${domain}>`;

function rsaKeys() {
  return generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'der' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
}

/** The TXT record a domain publishes for its DKIM key: v=DKIM1; k=rsa; p=<base64 of the public key>. */
const txtRecord = (publicKey: Buffer) => `v=DKIM1; k=rsa; p=${publicKey.toString('base64')}`;

/** A resolver that answers only the selector's TXT lookup, with the record given. */
function resolverFor(record: string) {
  return async (name: string, type: string): Promise<string[][]> => {
    if (type === 'TXT' && name === `${selector}._domainkey.${domain}`) return [[record]];
    throw Object.assign(new Error(`no ${type} record for ${name}`), { code: 'ENOTFOUND' });
  };
}

let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
let received: Received;
const keys = rsaKeys();

beforeAll(async () => {
  smtp = await startTestSmtp();
  // As the settings would read it from the environment: one line, with \n for the line breaks.
  const settings = settingsFromEnv({ DKIM_DOMAIN: domain, DKIM_SELECTOR: selector, DKIM_PRIVATE_KEY: keys.privateKey.trim().replace(/\n/g, '\\n') });
  expect(settings.dkim).toBeDefined();
  // A real referral email, composed as the function composes it (the Message-ID is the composer's).
  const validation = validateReferral({ answers: testAnswers('E23000004'), idempotencyKey: randomUUID() });
  if (!validation.ok) throw new Error(`the test answers are not a valid referral: ${JSON.stringify(validation.issues)}`);
  const route = routeReferral('E23000004', { nationalRoute: true });
  if (!route.ok) throw new Error('Merseyside has no route');
  const email = composeReferralEmail({
    referral: validation.referral,
    reference: 'RJ-7KQ4-M2XD',
    route,
    from,
    receivedAt: new Date(),
    siteOrigin: `https://${domain}`,
    test: 'test',
    words: await loadWords(),
  });
  await smtpTransport(smtpOptions(smtp.url, settings.dkim)).send(email);
  expect(smtp.received).toHaveLength(1);
  received = smtp.received[0]!;
});
afterAll(() => smtp.close());

describe('DKIM signing', () => {
  it('signs with the configured domain and selector', () => {
    const signature = received.raw.toString('utf8').match(/^DKIM-Signature:[^]*?(?=\r\n\S)/m)?.[0] ?? '';
    expect(signature).toMatch(/\bd=rj\.example\.org;/);
    expect(signature).toMatch(/\bs=referrals2026;/);
  });

  it('passes verification against the public key published for the selector', async () => {
    const result = await dkimVerify(received.raw, { resolver: resolverFor(txtRecord(keys.publicKey)) });
    expect(result.results).toHaveLength(1);
    expect(result.results[0]?.status.result).toBe('pass');
    expect(result.results[0]?.signingDomain).toBe(domain);
  });

  it('fails verification against a different public key', async () => {
    const other = rsaKeys();
    const result = await dkimVerify(received.raw, { resolver: resolverFor(txtRecord(other.publicKey)) });
    expect(result.results[0]?.status.result).toBe('fail');
  });

  it('fails verification when the signed message is changed on the way', async () => {
    // One line added to the end of the body (as a list server's footer would be).
    const tampered = Buffer.concat([received.raw, Buffer.from('Added on the way.\r\n')]);
    const result = await dkimVerify(tampered, { resolver: resolverFor(txtRecord(keys.publicKey)) });
    expect(result.results[0]?.status.result).not.toBe('pass');
  });

  it('gives the message a Message-ID on the sender’s own domain, never this machine’s name', () => {
    const messageId = received.mail.messageId ?? '';
    expect(messageId).toMatch(new RegExp(`@${domain.replace(/\./g, '\\.')}>?$`));
    const senderDomain = /@([^>\s]+)>?\s*$/.exec(from)?.[1];
    expect(messageId.replace(/>$/, '').endsWith(`@${senderDomain}`)).toBe(true);
  });
});
