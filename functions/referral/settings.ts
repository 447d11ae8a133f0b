/**
 * The function's settings, from environment variables (see the README's configuration table).
 * Read once per process; tests build their own.
 */
export type Settings = {
  /** SMTP server, e.g. smtps://user:pass@smtp.example.org:465 or smtp://user:pass@host:587. */
  smtpUrl: string | undefined;
  /** The sender address, e.g. "Restorative Justice Guide <referrals@example.org>". */
  mailFrom: string;
  /** Staging: send every referral to this inbox instead of the provider's, marked as a test. */
  redirectTo: string | undefined;
  /** Origins allowed to post besides the request's own (comma-separated in ALLOWED_ORIGINS). */
  allowedOrigins: string[];
  /** Forms sent sooner than this after being shown are treated as automated. */
  minFillMs: number;
  /** Per-IP limit on the Node server: requests per window. */
  rateLimit: { limit: number; windowMs: number };
  /** How long an idempotency key is remembered. */
  idempotencyTtlMs: number;
  /** Seconds a client should wait before retrying after a delivery failure. */
  retryAfterSeconds: number;
};

export function settingsFromEnv(env: Record<string, string | undefined> = process.env): Settings {
  return {
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || 'Restorative Justice Guide <referrals@localhost>',
    redirectTo: env.REFERRAL_REDIRECT_TO || undefined,
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    minFillMs: Number(env.REFERRAL_MIN_FILL_MS ?? 3000),
    rateLimit: { limit: Number(env.REFERRAL_RATE_LIMIT ?? 10), windowMs: 60_000 },
    idempotencyTtlMs: 24 * 60 * 60 * 1000,
    retryAfterSeconds: 30,
  };
}
