import { randomInt } from 'node:crypto';

/**
 * Referral references like RJ-7KQ4-M2XD: short, easy to read aloud over the phone (no 0/O, 1/I/L,
 * nor U/V), random, and never repeated among the last 100,000 this process issued.
 */
export const referenceAlphabet = '23456789ABCDEFGHJKMNPQRSTWXYZ';
export const referencePattern = new RegExp(`^RJ-[${referenceAlphabet}]{4}-[${referenceAlphabet}]{4}$`);

const issued = new Set<string>();
const MAX_REMEMBERED = 100_000;

function block(): string {
  let out = '';
  for (let i = 0; i < 4; i += 1) out += referenceAlphabet[randomInt(referenceAlphabet.length)];
  return out;
}

export function newReference(): string {
  for (;;) {
    const reference = `RJ-${block()}-${block()}`;
    if (issued.has(reference)) continue;
    if (issued.size >= MAX_REMEMBERED) issued.clear();
    issued.add(reference);
    return reference;
  }
}
