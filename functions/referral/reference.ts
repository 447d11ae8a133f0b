import { createHmac } from 'node:crypto';

/**
 * Referral references like RJ-7KQ4-M2XD: short, easy to read aloud over the phone (no 0/O, 1/I/L, nor
 * U/V), and derived from the referral's idempotency key with the server secret. The same referral
 * always carries the same reference, whichever instance sends it and however often it is retried, so
 * a duplicate that slips through is recognisable at once.
 */
export const referenceAlphabet = '23456789ABCDEFGHJKMNPQRSTWXYZ';
export const referencePattern = new RegExp(`^RJ-[${referenceAlphabet}]{4}-[${referenceAlphabet}]{4}$`);

export function referenceFor(key: string, secret: string): string {
  let value = createHmac('sha256', secret).update(`reference:${key}`).digest().readBigUInt64BE(0);
  let out = '';
  const base = BigInt(referenceAlphabet.length);
  for (let i = 0; i < 8; i += 1) {
    out += referenceAlphabet[Number(value % base)];
    value /= base;
  }
  return `RJ-${out.slice(0, 4)}-${out.slice(4)}`;
}
