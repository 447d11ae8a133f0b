import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where the browser tests' servers run, and the settings they start with. */
const port = Number(process.env.TEST_PORT ?? 4329);
const smtpPort = Number(process.env.SMTP_FIXTURE_PORT ?? 4331);
const controlPort = Number(process.env.SMTP_CONTROL_PORT ?? 4332);

export const testServer = {
  port,
  baseURL: `http://localhost:${port}`,
  /** The control API of the SMTP receiver that referrals are delivered to (tests/support/smtp-fixture.ts). */
  smtpControl: `http://127.0.0.1:${controlPort}`,
  smtpEnv: { SMTP_FIXTURE_PORT: String(smtpPort), SMTP_CONTROL_PORT: String(controlPort) },
  env: {
    PORT: String(port),
    HOST: 'localhost',
    SITE_URL: `http://localhost:${port}`,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    MAIL_FROM: 'Restorative Justice Guide <referrals@rj.example.org>',
    // A fresh embedded database for every run.
    DATA_DIR: process.env.TEST_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'rj-e2e-data-')),
    // Journeys answer faster than a person: the bot check still runs, with a shorter minimum.
    REFERRAL_MIN_FILL_MS: '500',
    REFERRAL_RATE_LIMIT: '1000',
    // Every journey comes from this one machine, to a handful of areas.
    REFERRAL_AREA_BUDGET: '1000',
    REFERRAL_ADDRESS_BUDGET: '1000',
    DIST_DIR: process.env.DIST_DIR ?? 'dist',
  },
};
