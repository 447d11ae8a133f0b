import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The key that signs time-trap tokens and derives references: REFERRAL_SECRET, or (locally only) one
 * generated once and kept in the data folder, readable by this user alone. Production refuses to start
 * without REFERRAL_SECRET (settings.ts), so instances never disagree about it.
 */
export function resolveSecret(settings: { secret: string | undefined; dataDir: string }): string {
  if (settings.secret) return settings.secret;
  const file = join(settings.dataDir, 'referral-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(settings.dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}
