import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { referenceAlphabet, referenceFor, referencePattern } from '../../functions/referral/reference.ts';

describe('referral references', () => {
  it('look like RJ-XXXX-XXXX', () => {
    expect(referenceFor(randomUUID(), 'secret')).toMatch(referencePattern);
  });

  it('never use characters that are confused when read aloud or written down', () => {
    for (const character of '01OILUV') expect(referenceAlphabet).not.toContain(character);
    for (let i = 0; i < 1000; i += 1) expect(referenceFor(randomUUID(), 'secret').slice(3)).not.toMatch(/[01OILUV]/);
  });

  it('are the same for the same referral key, whichever instance derives them', () => {
    const key = randomUUID();
    expect(referenceFor(key, 'secret')).toBe(referenceFor(key, 'secret'));
  });

  it('cannot be worked out without the server secret', () => {
    const key = randomUUID();
    expect(referenceFor(key, 'secret')).not.toBe(referenceFor(key, 'another secret'));
  });

  it('do not repeat across many referrals', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50_000; i += 1) seen.add(referenceFor(randomUUID(), 'secret'));
    expect(seen.size).toBe(50_000);
  });
});
