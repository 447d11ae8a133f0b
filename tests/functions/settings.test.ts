import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { SettingsError, settingsFromEnv } from '../../functions/referral/settings.ts';

const refusal = (env: Record<string, string>) => {
  try {
    settingsFromEnv(env);
  } catch (error) {
    if (error instanceof SettingsError) return error.message;
    throw error;
  }
  return undefined;
};

describe('the function’s settings', () => {
  it('have safe defaults when nothing is set', () => {
    const settings = settingsFromEnv({});
    expect(settings).toMatchObject({ production: false, publicOrigin: 'http://localhost:4321', minFillMs: 3000, rateLimit: { limit: 10 }, areaBudget: 20, addressBudget: 10, dataDir: 'data' });
  });

  it('refuse a blank or invalid number, naming the setting', () => {
    expect(refusal({ REFERRAL_RATE_LIMIT: '' })).toMatch(/^REFERRAL_RATE_LIMIT /);
    expect(refusal({ REFERRAL_RATE_LIMIT: '0' })).toMatch(/^REFERRAL_RATE_LIMIT must be a whole number from 1/);
    expect(refusal({ REFERRAL_MIN_FILL_MS: '' })).toMatch(/^REFERRAL_MIN_FILL_MS /);
    expect(refusal({ REFERRAL_MIN_FILL_MS: '3s' })).toMatch(/^REFERRAL_MIN_FILL_MS /);
    expect(refusal({ REFERRAL_AREA_BUDGET: '-5' })).toMatch(/^REFERRAL_AREA_BUDGET /);
    expect(refusal({ PORT: '99999' })).toMatch(/^PORT /);
  });

  it('switch the time trap off only when told to, and never in production', () => {
    expect(settingsFromEnv({ REFERRAL_MIN_FILL_MS: '0' }).minFillMs).toBe(0);
    const production = { NODE_ENV: 'production', SITE_URL: 'https://rj.example.org', REFERRAL_SECRET: 'x'.repeat(40) };
    expect(refusal({ ...production, REFERRAL_MIN_FILL_MS: '0' })).toMatch(/^REFERRAL_MIN_FILL_MS cannot be 0 in production/);
  });

  it('refuse SMTP_URL without MAIL_FROM', () => {
    expect(refusal({ SMTP_URL: 'smtps://user:pass@smtp.example.org:465' })).toMatch(/^MAIL_FROM must be set when SMTP_URL is/);
    expect(settingsFromEnv({ SMTP_URL: 'smtps://smtp.example.org', MAIL_FROM: 'RJ Guide <referrals@rj.example.org>' }).mailFrom).toBe('RJ Guide <referrals@rj.example.org>');
  });

  it('in production, need a secret and a public https:// address', () => {
    expect(refusal({ CONTEXT: 'production', SITE_URL: 'https://rj.example.org' })).toMatch(/^REFERRAL_SECRET must be set in production/);
    expect(refusal({ CONTEXT: 'production', REFERRAL_SECRET: 'x'.repeat(40) })).toMatch(/^SITE_URL must be the public https:\/\/ address/);
    // The same rule as the build's: https:// on this machine is not a public address.
    expect(refusal({ CONTEXT: 'production', SITE_URL: 'https://localhost:8443', REFERRAL_SECRET: 'x'.repeat(40) })).toMatch(/^SITE_URL must be the public https:\/\/ address/);
    expect(refusal({ REFERRAL_SECRET: 'short' })).toMatch(/^REFERRAL_SECRET must be at least 32 characters/);
    expect(settingsFromEnv({ CONTEXT: 'production', URL: 'https://rj.example.org', REFERRAL_SECRET: 'x'.repeat(40) }).publicOrigin).toBe('https://rj.example.org');
  });

  it('need a database server on Netlify, and DKIM settings all together', () => {
    expect(refusal({ NETLIFY: 'true' })).toMatch(/^DATABASE_URL must be set on Netlify/);
    expect(refusal({ DKIM_DOMAIN: 'rj.example.org' })).toMatch(/^DKIM_DOMAIN must be set with DKIM_SELECTOR and DKIM_PRIVATE_KEY/);
  });
});

describe('the local server with a bad setting', () => {
  it('refuses to start with one line naming the setting', () => {
    for (const [env, setting] of [
      [{ REFERRAL_RATE_LIMIT: '' }, 'REFERRAL_RATE_LIMIT'],
      [{ SMTP_URL: 'smtp://127.0.0.1:2525' }, 'MAIL_FROM'],
      [{ NODE_ENV: 'production', SITE_URL: 'https://rj.example.org' }, 'REFERRAL_SECRET'],
      [{ TRUST_PROXY: 'yes' }, 'TRUST_PROXY'],
    ] as const) {
      const { MAIL_FROM: _mailFrom, SMTP_URL: _smtpUrl, ...inherited } = process.env;
      const result = spawnSync(process.execPath, ['--experimental-strip-types', 'src/server/start.ts'], {
        env: { ...inherited, PORT: '4399', DATA_DIR: 'test-results/no-data', ...env },
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(result.status, setting).toBe(1);
      const lines = result.stderr.trim().split('\n');
      expect(lines, setting).toHaveLength(1);
      expect(lines[0], setting).toMatch(new RegExp(`^Cannot start: ${setting} `));
    }
  }, 60_000);
});
