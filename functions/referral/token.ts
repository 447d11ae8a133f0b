import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The time trap a client cannot skip: the function issues a token carrying the time it was issued,
 * signed with the server secret. A referral sent with no token, a forged or expired one, or one sent
 * sooner than the minimum time after it was issued is treated as automated. Tokens hold no personal data.
 *
 * Format: `v1.<issued ms>.<nonce>.<signature>` (base64url), about 80 characters.
 */
export type TokenCheck = { ok: true; issuedAt: number } | { ok: false; reason: 'missing' | 'malformed' | 'forged' | 'too-soon' | 'expired' };

const sign = (secret: string, body: string) => createHmac('sha256', secret).update(`token:${body}`).digest('base64url');

export function issueToken(secret: string, now: number): string {
  const body = `v1.${now}.${randomBytes(12).toString('base64url')}`;
  return `${body}.${sign(secret, body)}`;
}

export function checkToken(token: string | undefined, secret: string, now: number, limits: { minAgeMs: number; maxAgeMs: number }): TokenCheck {
  if (!token) return { ok: false, reason: 'missing' };
  const match = /^(v1\.(\d{1,15})\.[A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return { ok: false, reason: 'malformed' };
  const [, body = '', issued = '', signature = ''] = match;
  const expected = Buffer.from(sign(secret, body));
  if (!timingSafeEqual(expected, Buffer.from(signature))) return { ok: false, reason: 'forged' };
  const age = now - Number(issued);
  if (age < limits.minAgeMs) return { ok: false, reason: 'too-soon' };
  if (age > limits.maxAgeMs) return { ok: false, reason: 'expired' };
  return { ok: true, issuedAt: Number(issued) };
}
