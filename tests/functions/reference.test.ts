import { describe, expect, it } from 'vitest';
import { newReference, referenceAlphabet, referencePattern } from '../../functions/referral/reference.ts';

describe('referral references', () => {
  it('look like RJ-XXXX-XXXX', () => {
    expect(newReference()).toMatch(referencePattern);
  });

  it('never use characters that are confused when read aloud or written down', () => {
    for (const character of '01OIL') expect(referenceAlphabet).not.toContain(character);
    for (let i = 0; i < 1000; i += 1) expect(newReference().slice(3)).not.toMatch(/[01OIL]/);
  });

  it('are not repeated', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50_000; i += 1) seen.add(newReference());
    expect(seen.size).toBe(50_000);
  });
});
