import { isPublicHttps } from '../../src/lib/site.ts';
import { nationalRouteEnabled } from '../../src/lib/national-route.ts';

/**
 * The function's settings, from environment variables (the README's configuration table lists them).
 * Every value is checked once, at start: a blank or invalid number, a missing secret in production,
 * or SMTP_URL without MAIL_FROM stops the process with one line naming the setting. Tests build
 * their own settings with `settingsFromEnv({...})`.
 */
export type Settings = {
  /** The site's public origin (from SITE_URL, or Netlify's URL), e.g. https://rj.example.org. */
  /** Production: Netlify's CONTEXT=production, or NODE_ENV=production. */
  production: boolean;
  publicOrigin: string;
  /** Origins allowed to post: the public origin and any listed in ALLOWED_ORIGINS. */
  allowedOrigins: string[];
  /** SMTP server, e.g. smtps://user:pass@smtp.example.org:465 or smtp://user:pass@host:587. */
  smtpUrl: string | undefined;
  /** The sender address, e.g. "Restorative Justice Guide <referrals@example.org>". */
  mailFrom: string;
  /** Staging: send every referral to this inbox instead of the provider's, marked as a test. */
  redirectTo: string | undefined;
  /** A send sooner than this after its token was issued is treated as automated; 0 switches the check off. */
  minFillMs: number;
  /** How long a token stays valid. */
  tokenMaxAgeMs: number;
  /** Per client address: requests to the function per minute. */
  rateLimit: { limit: number; windowMs: number };
  /** Referrals sent per area per hour. */
  areaBudget: number;
  /** Referrals sent per client address (IPv6: per /64) per hour. */
  addressBudget: number;
  /** How long an idempotency key is remembered. */
  idempotencyTtlMs: number;
  /** Seconds a client should wait before retrying after a delivery failure. */
  retryAfterSeconds: number;
  /** Postgres connection string; without it the embedded PGlite in `dataDir` is used. */
  databaseUrl: string | undefined;
  /** Folder for local state: the embedded database and, locally, the generated secret. */
  dataDir: string;
  /** Key for signing tokens and deriving references (REFERRAL_SECRET); locally, generated and kept in dataDir. */
  secret: string | undefined;
  /** Whether the national safety-net route is offered (content/referral/national-route.json; NATIONAL_ROUTE=off switches it off). */
  nationalRoute: boolean;
  /** DKIM signing, when all three are set. */
  dkim: { domainName: string; keySelector: string; privateKey: string } | undefined;
};

/** A setting that cannot be used: the process refuses to start with this one line. */
export class SettingsError extends Error {
  override name = 'SettingsError';
  readonly setting: string;
  constructor(setting: string, problem: string) {
    super(`${setting} ${problem}`);
    this.setting = setting;
  }
}

type Env = Record<string, string | undefined>;

/** Whether this is a production deployment: Netlify's production context, or NODE_ENV=production. */
function isProduction(env: Env): boolean {
  return env.CONTEXT === 'production' || env.NODE_ENV === 'production';
}

/** A whole number in [min, max]; blank or anything else is an error naming the setting. */
export function integerSetting(env: Env, name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name];
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new SettingsError(name, `must be a whole number from ${min} to ${max} (it is "${raw}")`);
  const value = Number(raw.trim());
  if (value < min || value > max) throw new SettingsError(name, `must be a whole number from ${min} to ${max} (it is ${value})`);
  return value;
}

/** Text that, when given, must not be blank. */
function text(env: Env, name: string): string | undefined {
  const raw = env[name];
  if (raw === undefined) return undefined;
  if (raw.trim() === '') throw new SettingsError(name, 'is set but empty: remove it or give it a value');
  return raw.trim();
}

function origin(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new SettingsError(name, `must be a web address such as https://rj.example.org (it is "${value}")`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new SettingsError(name, 'must start with https://');
  return url.origin;
}

export function settingsFromEnv(env: Env = process.env): Settings {
  const production = isProduction(env);
  const port = integerSetting(env, 'PORT', 4321, 1, 65535);
  const site = text(env, 'SITE_URL') ?? text(env, 'URL');
  const publicOrigin = site ? origin(site === env.SITE_URL?.trim() ? 'SITE_URL' : 'URL', site) : `http://localhost:${port}`;
  // The same rule as the build's (src/lib/site.ts): https://, and not this machine.
  if (production && !isPublicHttps(publicOrigin)) {
    throw new SettingsError('SITE_URL', 'must be the public https:// address of the site in production');
  }
  const allowed = (text(env, 'ALLOWED_ORIGINS') ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => origin('ALLOWED_ORIGINS', item));

  const smtpUrl = text(env, 'SMTP_URL');
  const mailFrom = text(env, 'MAIL_FROM');
  if (smtpUrl && !mailFrom) throw new SettingsError('MAIL_FROM', 'must be set when SMTP_URL is: the sender address, e.g. "Restorative Justice Guide <referrals@example.org>"');
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) throw new SettingsError('SMTP_URL', 'must start with smtp:// or smtps://');
  if (mailFrom && !/@[^@\s>]+\.[^@\s>]+>?$/.test(mailFrom) && !/@localhost>?$/.test(mailFrom)) {
    throw new SettingsError('MAIL_FROM', 'must end with an email address, e.g. "Name <referrals@example.org>"');
  }

  const minFillMs = integerSetting(env, 'REFERRAL_MIN_FILL_MS', 3000, 0, 600_000);
  if (production && minFillMs === 0) throw new SettingsError('REFERRAL_MIN_FILL_MS', 'cannot be 0 in production: the time trap must stay on');
  const secret = text(env, 'REFERRAL_SECRET');
  if (secret !== undefined && secret.length < 32) throw new SettingsError('REFERRAL_SECRET', 'must be at least 32 characters (for example from `openssl rand -base64 48`)');
  if (production && secret === undefined) throw new SettingsError('REFERRAL_SECRET', 'must be set in production (at least 32 random characters)');
  const databaseUrl = text(env, 'DATABASE_URL');
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new SettingsError('DATABASE_URL', 'must start with postgres:// or postgresql://');
  if (env.NETLIFY === 'true' && !databaseUrl) throw new SettingsError('DATABASE_URL', 'must be set on Netlify: each function instance has its own disk');

  const dkimParts = { domainName: text(env, 'DKIM_DOMAIN'), keySelector: text(env, 'DKIM_SELECTOR'), privateKey: text(env, 'DKIM_PRIVATE_KEY') };
  const dkimSet = Object.values(dkimParts).filter(Boolean).length;
  if (dkimSet > 0 && dkimSet < 3) throw new SettingsError('DKIM_DOMAIN', 'must be set with DKIM_SELECTOR and DKIM_PRIVATE_KEY: all three, or none');

  return {
    production,
    publicOrigin,
    allowedOrigins: [publicOrigin, ...allowed],
    smtpUrl,
    mailFrom: mailFrom ?? 'Restorative Justice Guide <referrals@localhost>',
    redirectTo: text(env, 'REFERRAL_REDIRECT_TO'),
    minFillMs,
    tokenMaxAgeMs: 24 * 60 * 60 * 1000,
    rateLimit: { limit: integerSetting(env, 'REFERRAL_RATE_LIMIT', 10, 1), windowMs: 60_000 },
    areaBudget: integerSetting(env, 'REFERRAL_AREA_BUDGET', 20, 1),
    addressBudget: integerSetting(env, 'REFERRAL_ADDRESS_BUDGET', 10, 1),
    idempotencyTtlMs: 24 * 60 * 60 * 1000,
    retryAfterSeconds: 30,
    databaseUrl,
    dataDir: text(env, 'DATA_DIR') ?? 'data',
    secret,
    nationalRoute: nationalRouteEnabled(env),
    dkim: dkimSet === 3 ? (dkimParts as NonNullable<Settings['dkim']>) : undefined,
  };
}
