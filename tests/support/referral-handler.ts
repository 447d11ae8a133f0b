import nodemailer from 'nodemailer';
import type { ComposedEmail } from '../../functions/referral/compose.ts';
import { smtpOptions, smtpTransport, type Transport } from '../../functions/referral/deliver.ts';
import { memoryIdempotencyStore } from '../../functions/referral/idempotency.ts';
import type { RequestLog } from '../../functions/referral/log.ts';
import { createReferralHandler, type ReferralHandler } from '../../functions/referral/referral.ts';
import type { RateLimiter } from '../../functions/referral/rate-limit.ts';
import { settingsFromEnv, type Settings } from '../../functions/referral/settings.ts';

export const testOrigin = 'http://localhost:4321';

/** A handler wired for tests: a given transport, no rate limit unless asked, logs captured. */
export function testHandler(transport: Transport, options: { settings?: Partial<Settings>; rateLimiter?: RateLimiter } = {}) {
  const logs: RequestLog[] = [];
  const settings: Settings = { ...settingsFromEnv({}), minFillMs: 3000, ...options.settings };
  const handler: ReferralHandler = createReferralHandler({
    dependencies: () => ({
      settings,
      transport,
      store: memoryIdempotencyStore({ ttlMs: settings.idempotencyTtlMs, maxEntries: 10_000 }),
      now: () => new Date(),
    }),
    logger: (entry) => logs.push(entry),
    rateLimiter: options.rateLimiter ?? (() => ({ allowed: true })),
  });
  return { handler, logs };
}

/** A transport over real SMTP to a loopback server (no TLS on loopback, as in `npm start`). */
export function loopbackTransport(port: number, overrides: Partial<ReturnType<typeof smtpOptions>> = {}): Transport {
  return smtpTransport({ ...smtpOptions(`smtp://127.0.0.1:${port}`), ...overrides });
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
