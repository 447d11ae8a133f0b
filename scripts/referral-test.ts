/**
 * `npm run referral:test -- --area <ONS code>`: sends ONE referral, clearly marked TEST (in its subject
 * and at the top of its body), with plainly fake answers, to the route that area's referrals take (its
 * provider's inbox, or the national safety-net service), through the configured SMTP server (SMTP_URL,
 * MAIL_FROM, and DKIM_* if set: the same settings, composition and transport as the referral function).
 * The provider can then confirm that their inbox receives referrals and can read them; record that
 * date in the area's `referralEmail.confirmed` (or `confirmed` in content/referral/national-route.json).
 *
 * It prints where the message went and its reference. It refuses, with one line, an unknown area code,
 * an area whose route cannot take referrals, and missing SMTP settings. REFERRAL_REDIRECT_TO is not
 * applied: the point is to reach the real inbox.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { validateReferral, type Referral } from '../referral/schema.ts';
import { composeReferralEmail } from '../functions/referral/compose.ts';
import { DeliveryError } from '../functions/referral/deliver.ts';
import { transportFor } from '../functions/referral/production.ts';
import { referenceFor } from '../functions/referral/reference.ts';
import { routeReferral } from '../functions/referral/route.ts';
import { SettingsError, settingsFromEnv, type Settings } from '../functions/referral/settings.ts';
import { areaByCode } from '../src/lib/areas.ts';
import { loadWords } from '../src/lib/locale.ts';

type Env = Record<string, string | undefined>;

/** Plainly fake answers: a reserved drama phone number, an example.org address, and a message that says what this is. */
export function testAnswers(areaCode: string): Record<string, unknown> {
  return {
    asker: 'person-harmed',
    askerAge: '18-or-over',
    area: areaCode,
    happenedHere: 'yes',
    harm: 'other',
    when: 'past-year',
    reported: 'yes',
    responsibleKnown: 'yes',
    relationship: 'stranger',
    accepts: 'yes',
    stage: 'sentenced',
    responsibleUnder18: 'no',
    safetyNow: ['none'],
    contactWays: ['email'],
    name: 'TEST - not a real person',
    email: 'test-referral@example.org',
    mayName: 'yes',
    language: 'english',
    addMore: 'add',
    message:
      'TEST ONLY. This is not a real referral and nobody needs to be contacted. It was sent with "npm run referral:test" to check that this inbox receives referrals from the Restorative Justice Guide and that they can be read. Please reply to the people who run the website (not to this email) to confirm it arrived.',
    consent: true,
  };
}

export type TestOutcome =
  | { ok: true; reference: string; to: string; kind: 'local' | 'national'; recipient: string; area: { code: string; name: string }; subject: string; via: string }
  | { ok: false; problem: string };

/** The SMTP server, without its user name or password. */
function serverOf(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  return `${url.protocol}//${url.host}`;
}

export async function sendTestReferral(areaCode: string | undefined, env: Env = process.env): Promise<TestOutcome> {
  if (!areaCode) return { ok: false, problem: 'Say which area: npm run referral:test -- --area <ONS code>, e.g. --area E23000004 (Merseyside)' };
  const area = areaByCode(areaCode.trim().toUpperCase());
  if (!area) return { ok: false, problem: `Unknown area "${areaCode}": give one of the 43 ONS police force area codes, e.g. E23000004 (Merseyside); they are the file names in content/areas/` };

  let settings: Settings;
  try {
    settings = settingsFromEnv(env);
  } catch (error) {
    if (error instanceof SettingsError) return { ok: false, problem: `Cannot send: ${error.message}` };
    throw error;
  }

  const route = routeReferral(area.code, { nationalRoute: settings.nationalRoute });
  if (!route.ok) {
    return route.code === 'UNKNOWN_AREA'
      ? { ok: false, problem: `Unknown area "${areaCode}"` }
      : { ok: false, problem: `${area.name} (${area.code}) cannot take online referrals: it has no referral inbox we can use${settings.nationalRoute ? '' : ' and the national safety-net route is off'}, so there is nothing to test` };
  }
  if (!settings.smtpUrl) return { ok: false, problem: 'Cannot send: SMTP_URL is not set. Set SMTP_URL and MAIL_FROM to the SMTP server the referral function sends through' };

  const validation = validateReferral({ answers: testAnswers(area.code), idempotencyKey: randomUUID() });
  if (!validation.ok) {
    const issues = validation.issues.map((issue) => `${issue.path} ${issue.code}`).join(', ');
    return { ok: false, problem: `The test referral no longer matches the referral schema (${issues}): update testAnswers in scripts/referral-test.ts` };
  }
  const referral: Referral = validation.referral;
  // A test is never a duplicate of anything: without REFERRAL_SECRET a one-off key is enough.
  const reference = referenceFor(referral.idempotencyKey, settings.secret ?? randomBytes(32).toString('hex'));
  const email = composeReferralEmail({
    referral,
    reference,
    route,
    from: settings.mailFrom,
    receivedAt: new Date(),
    siteOrigin: settings.publicOrigin,
    test: 'test',
    words: await loadWords(),
  });
  const via = serverOf(settings.smtpUrl);
  try {
    await transportFor(settings).send(email);
  } catch (error) {
    if (error instanceof DeliveryError) {
      const maybe = error.outcome === 'unknown' ? ' (the whole message was handed over, so it may have arrived: ask before sending another)' : '';
      return { ok: false, problem: `Could not send the test referral ${reference} to ${route.to} through ${via}: ${error.code}${maybe}` };
    }
    throw error;
  }
  return { ok: true, reference, to: route.to, kind: route.kind, recipient: route.recipient, area: { code: area.code, name: area.name }, subject: email.subject, via };
}

export function describeOutcome(outcome: Extract<TestOutcome, { ok: true }>): string {
  const where = outcome.kind === 'local' ? `the area's own route: ${outcome.recipient}` : `the national safety-net route: ${outcome.recipient}, for ${outcome.area.name}`;
  const record =
    outcome.kind === 'local' ? `referralEmail.confirmed in content/areas/${outcome.area.code}.json` : '"confirmed" in content/referral/national-route.json';
  return [
    `Sent a TEST referral for ${outcome.area.name} (${outcome.area.code}).`,
    `  Reference: ${outcome.reference}`,
    `  To:        ${outcome.to} (${where})`,
    `  Subject:   ${outcome.subject}`,
    `  Through:   ${outcome.via}`,
    `When they confirm in writing that it arrived and could be read, set ${record} to that date.`,
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const at = argv.findIndex((arg) => arg === '--area' || arg.startsWith('--area='));
  const code = at < 0 ? undefined : argv[at]!.startsWith('--area=') ? argv[at]!.slice('--area='.length) : argv[at + 1];
  const outcome = await sendTestReferral(code);
  if (!outcome.ok) {
    console.error(outcome.problem);
    return 1;
  }
  if (process.env.REFERRAL_REDIRECT_TO) console.log('(REFERRAL_REDIRECT_TO is not applied to a test referral: it goes to the real inbox.)');
  console.log(describeOutcome(outcome));
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = await main(process.argv.slice(2));
