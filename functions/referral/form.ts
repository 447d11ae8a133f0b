import { prune } from '../../referral/catalogue.ts';
import type { Answers } from '../../referral/conditions.ts';
import { sha256 } from './hash.ts';

/** A UUID-shaped idempotency key from a hash of the answers: sending the same answers twice sends once. */
export function keyFromAnswers(answers: Answers): string {
  const entries = Object.entries(prune(answers)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const hex = sha256(JSON.stringify(entries));
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

