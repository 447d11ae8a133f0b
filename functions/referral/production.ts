import { DeliveryError, smtpOptions, smtpTransport, type Transport } from './deliver.ts';
import { memoryIdempotencyStore } from './idempotency.ts';
import { settingsFromEnv } from './settings.ts';
import type { Dependencies } from './submit.ts';

/**
 * The real dependencies, built on the first request from the environment (the local server sets
 * SMTP_URL to its embedded receiver before that). Without SMTP_URL nothing can be delivered, and
 * every referral gets 503 DELIVERY_UNAVAILABLE rather than vanishing.
 */
export function productionDependencies(): Dependencies {
  const settings = settingsFromEnv();
  const transport: Transport = settings.smtpUrl ? smtpTransport(smtpOptions(settings.smtpUrl)) : unconfigured;
  return {
    settings,
    transport,
    store: memoryIdempotencyStore({ ttlMs: settings.idempotencyTtlMs, maxEntries: 50_000 }),
    now: () => new Date(),
  };
}

const unconfigured: Transport = {
  async send() {
    throw new DeliveryError('ENOSMTP');
  },
};
