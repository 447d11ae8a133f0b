import { describe, expect, it } from 'vitest';
import { canonicalJson, memoryIdempotencyStore } from '../../functions/referral/idempotency.ts';

const store = (now = () => 0) => memoryIdempotencyStore({ ttlMs: 1000, maxEntries: 3, now });
let counter = 0;
const ref = () => `RJ-TEST-${(counter += 1)}`;

describe('the idempotency store', () => {
  it('replays the same outcome for the same key and payload', async () => {
    const s = store();
    const first = s.claim('key', { a: 1 }, ref);
    if (first.kind !== 'new') throw new Error('expected new');
    first.finish(true);
    const second = s.claim('key', { a: 1 }, ref);
    expect(second.kind).toBe('replay');
    if (second.kind === 'replay') expect(await second.outcome).toEqual({ reference: first.reference });
  });

  it('makes a concurrent duplicate wait for the first delivery', async () => {
    const s = store();
    const first = s.claim('key', { a: 1 }, ref);
    const second = s.claim('key', { a: 1 }, ref);
    if (first.kind !== 'new' || second.kind !== 'replay') throw new Error('expected new then replay');
    setTimeout(() => first.finish(true), 5);
    expect(await second.outcome).toEqual({ reference: first.reference });
  });

  it('refuses the same key with a different payload', () => {
    const s = store();
    s.claim('key', { a: 1 }, ref);
    expect(s.claim('key', { a: 2 }, ref).kind).toBe('conflict');
  });

  it('lets a failed delivery be retried, keeping its reference', () => {
    const s = store();
    const first = s.claim('key', { a: 1 }, ref);
    if (first.kind !== 'new') throw new Error('expected new');
    first.finish(false);
    const retry = s.claim('key', { a: 1 }, ref);
    expect(retry).toMatchObject({ kind: 'new', reference: first.reference });
    expect(s.claim('key', { a: 2 }, ref).kind).toBe('conflict');
  });

  it('forgets keys after their time and stays within its size', () => {
    let time = 0;
    const s = store(() => time);
    for (const key of ['a', 'b', 'c', 'd']) {
      const claim = s.claim(key, {}, ref);
      if (claim.kind === 'new') claim.finish(true);
    }
    expect(s.size()).toBeLessThanOrEqual(3);
    time = 61_000;
    expect(s.claim('d', {}, ref).kind).toBe('new');
  });

  it('hashes payloads the same whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: [1, { d: 2, c: 3 }] })).toBe(canonicalJson({ a: [1, { c: 3, d: 2 }], b: 1 }));
  });
});
