import { DeliveryError, smtpOptions, smtpTransport, type Transport } from './deliver.ts';
import { resolveSecret } from './secret.ts';
import { settingsFromEnv, type Settings } from './settings.ts';
import { loadWords } from '../../src/lib/locale.ts';
import { deliveryPace } from './pace.ts';
import { openStore } from './store/index.ts';
import type { Dependencies } from './submit.ts';

/**
 * The real dependencies, from the environment: settings (checked), the store (DATABASE_URL, or PGlite
 * in DATA_DIR, migrated), the SMTP transport and the secret. Without SMTP_URL nothing can be
 * delivered, and every referral gets 503 DELIVERY_UNAVAILABLE rather than vanishing. (The local
 * server sets SMTP_URL to its embedded receiver before this runs.)
 */
export async function productionDependencies(env: Record<string, string | undefined> = process.env): Promise<Dependencies> {
  const settings = settingsFromEnv(env);
  const [store, words] = await Promise.all([openStore(settings), loadWords()]);
  return {
    settings,
    words,
    transport: transportFor(settings),
    store,
    secret: resolveSecret(settings),
    now: () => new Date(),
    pace: deliveryPace(),
  };
}

export function transportFor(settings: Settings): Transport {
  return settings.smtpUrl ? smtpTransport(smtpOptions(settings.smtpUrl, settings.dkim)) : unconfigured;
}

const unconfigured: Transport = {
  async send() {
    throw new DeliveryError('ENOSMTP');
  },
};

