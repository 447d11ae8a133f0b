import nodemailer from 'nodemailer';
import type { ComposedEmail } from '../../functions/referral/compose.ts';
import { smtpOptions, smtpTransport, type Transport } from '../../functions/referral/deliver.ts';
import type { RequestLog } from '../../functions/referral/log.ts';
import type { Pace } from '../../functions/referral/pace.ts';
import { createReferralHandler, type ReferralHandler } from '../../functions/referral/referral.ts';
import type { RateLimiter } from '../../functions/referral/rate-limit.ts';
import { settingsFromEnv, type Settings } from '../../functions/referral/settings.ts';
import type { Store } from '../../functions/referral/store/index.ts';
import { loadWords } from '../../src/lib/locale.ts';
import { testSecret } from '../fixtures/referrals.ts';
import { testStore } from './store.ts';

export const testOrigin = 'http://localhost:4321';

/** No waiting for caught bots in tests, unless a test measures it. */
export const noPace: Pace = { record: () => {}, wait: async () => {} };

/** A handler wired for tests: a given transport, the shared test store, no rate limit unless asked, logs captured. */
export function testHandler(transport: Transport, options: { settings?: Partial<Settings>; rateLimiter?: RateLimiter; store?: Promise<Store>; pace?: Pace } = {}) {
  const logs: RequestLog[] = [];
  const settings: Settings = { ...settingsFromEnv({}), areaBudget: 10_000, addressBudget: 10_000, ...options.settings };
  const handler: ReferralHandler = createReferralHandler({
    dependencies: async () => ({
      settings,
      transport,
      store: await (options.store ?? testStore()),
      secret: testSecret,
      now: () => new Date(),
      words: await loadWords(),
      pace: options.pace ?? noPace,
    }),
    logger: (entry) => logs.push(entry),
    rateLimiter: options.rateLimiter ?? (() => ({ allowed: true })),
  });
  return { handler, logs };
}

/** A transport over real SMTP to a loopback server (no TLS on loopback, as in `npm start`). */
export function loopbackTransport(port: number, overrides: Partial<ReturnType<typeof smtpOptions>> = {}, deadlineMs?: number): Transport {
  return smtpTransport({ ...smtpOptions(`smtp://127.0.0.1:${port}`), ...overrides }, deadlineMs);
}

export type Captured = { envelope: { from: string; to: string[] }; message: string; email: ComposedEmail };

/** A transport that builds the real MIME message with nodemailer's streamTransport, and keeps it. */
export function capturingTransport(): Transport & { sent: Captured[] } {
  const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const sent: Captured[] = [];
  return {
    sent,
    async send(email) {
      const info = await builder.sendMail(email);
      sent.push({ envelope: info.envelope as Captured['envelope'], message: (info.message as Buffer).toString('utf8'), email });
    },
  };
}

/** A POST to the referral address, as a browser on this site would send it. */
export function post(body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`${testOrigin}/api/referral`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: testOrigin, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
