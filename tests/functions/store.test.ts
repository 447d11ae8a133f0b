import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../functions/referral/hash.ts';
import { pgliteThreadDatabase } from '../../functions/referral/store/database.ts';
import { checkToken, issueToken } from '../../functions/referral/token.ts';
import { emptyStore } from '../support/store.ts';

const claimInput = (keyHash: string, answersHash = 'answers', now = new Date()) => ({ keyHash, answersHash, reference: `RJ-${keyHash.slice(0, 4)}`, now });

describe('the idempotency claims (Postgres, on PGlite)', () => {
  it('lets the first request send, and replays the reference once delivered', async () => {
    const { claims } = await emptyStore();
    const key = randomUUID();
    expect(await claims.claim(claimInput(key))).toEqual({ kind: 'new', reference: `RJ-${key.slice(0, 4)}` });
    expect((await claims.claim(claimInput(key))).kind).toBe('busy');
    await claims.settle(key, 'delivered');
    expect(await claims.claim(claimInput(key))).toEqual({ kind: 'replay', reference: `RJ-${key.slice(0, 4)}` });
  });

  it('refuses the same key with other answers', async () => {
    const { claims } = await emptyStore();
    await claims.claim(claimInput('k1'));
    expect((await claims.claim(claimInput('k1', 'other answers'))).kind).toBe('conflict');
  });

  it('lets a failed delivery be retried with the same answers only', async () => {
    const { claims } = await emptyStore();
    await claims.claim(claimInput('k2'));
    await claims.settle('k2', 'failed');
    expect((await claims.claim(claimInput('k2', 'other answers'))).kind).toBe('conflict');
    expect((await claims.claim(claimInput('k2'))).kind).toBe('new');
  });

  it('never sends blind after an unknown outcome, or after an instance stopped mid-send', async () => {
    const { claims } = await emptyStore();
    await claims.claim(claimInput('k3'));
    await claims.settle('k3', 'unknown');
    expect((await claims.claim(claimInput('k3'))).kind).toBe('unknown');
    const start = new Date('2026-12-01T10:00:00Z');
    await claims.claim(claimInput('k4', 'answers', start));
    expect((await claims.claim(claimInput('k4', 'answers', new Date(start.getTime() + 61_000)))).kind).toBe('unknown');
  });

  it('draws on the send budgets in the same statement, and leaves an over-budget claim free to retry later', async () => {
    const { claims } = await emptyStore();
    const budgets = [{ bucket: 'area:z', limit: 1 }];
    const now = new Date('2026-12-01T10:30:00Z');
    expect((await claims.claim({ ...claimInput('b1', 'answers', now), budgets })).kind).toBe('new');
    expect(await claims.claim({ ...claimInput('b2', 'answers', now), budgets })).toEqual({ kind: 'over-budget', reference: 'RJ-b2', retryAfterSeconds: 30 * 60 });
    expect((await claims.claim({ ...claimInput('b2', 'answers', new Date('2026-12-01T11:00:01Z')), budgets })).kind).toBe('new');
  });

  it('lets the same answers be sent again once the record of the first has expired (a person asking again another week)', async () => {
    const { claims } = await emptyStore();
    const first = new Date('2026-12-01T10:00:00Z');
    await claims.claim(claimInput('k8', 'answers', first));
    await claims.settle('k8', 'delivered');
    expect((await claims.claim(claimInput('k8', 'answers', new Date(first.getTime() + 60_000)))).kind).toBe('replay');
    const later = new Date(first.getTime() + 8 * 24 * 60 * 60 * 1000);
    expect(await claims.claim(claimInput('k8', 'answers', later))).toEqual({ kind: 'new', reference: 'RJ-k8' });
    // An unknown outcome, too, stops holding the key once its record has expired.
    await claims.settle('k8', 'unknown');
    expect((await claims.claim(claimInput('k8', 'other answers', new Date(later.getTime() + 8 * 24 * 60 * 60 * 1000)))).kind).toBe('new');
  });

  it('gives exactly one "new" to 20 concurrent claims of one key', async () => {
    const { claims } = await emptyStore();
    const results = await Promise.all(Array.from({ length: 20 }, () => claims.claim(claimInput('k5'))));
    expect(results.filter((result) => result.kind === 'new')).toHaveLength(1);
  });

  it('removes expired claims, budgets and tokens', async () => {
    const store = await emptyStore();
    const old = new Date('2026-01-01T00:00:00Z');
    await store.claims.claim(claimInput('k6', 'answers', old));
    await store.claims.claim({ ...claimInput('k6b', 'answers', old), budgets: [{ bucket: 'area:E23000004', limit: 5 }] });
    await store.tokens.use({ tokenHash: 't', keyHash: 'k6', expiresAt: new Date(old.getTime() + 1000) });
    await store.claims.sweep(new Date('2026-01-03T00:00:00Z'));
    for (const table of ['referral_claim', 'send_budget', 'used_token']) {
      expect(await store.db.query(`SELECT * FROM ${table}`), table).toEqual([]);
    }
  });

  it('keeps only hashes, the reference and the state: never the referral', async () => {
    const store = await emptyStore();
    await store.claims.claim(claimInput('k7'));
    const columns = (await store.db.query<{ column_name: string }>("SELECT column_name FROM information_schema.columns WHERE table_name = 'referral_claim' ORDER BY column_name")).map((row) => row.column_name);
    expect(columns).toEqual(['answers_hash', 'expires_at', 'key_hash', 'lease_until', 'reference', 'state']);
  });
});

describe('the send budgets', () => {
  const send = async (claims: Awaited<ReturnType<typeof emptyStore>>['claims'], bucket: string, now: Date) => {
    const result = await claims.claim({ ...claimInput(randomUUID(), 'answers', now), budgets: [{ bucket, limit: 3 }] });
    return result.kind === 'new' ? { allowed: true } : result.kind === 'over-budget' ? { allowed: false, retryAfterSeconds: result.retryAfterSeconds } : result;
  };

  it('allow `limit` sends per window, then say how long to wait', async () => {
    const { claims } = await emptyStore();
    const now = new Date('2026-12-01T10:15:00Z');
    for (let i = 0; i < 3; i += 1) expect(await send(claims, 'area:x', now)).toEqual({ allowed: true });
    expect(await send(claims, 'area:x', now)).toEqual({ allowed: false, retryAfterSeconds: 45 * 60 });
    expect(await send(claims, 'area:y', now)).toEqual({ allowed: true });
    expect(await send(claims, 'area:x', new Date('2026-12-01T11:00:00Z'))).toEqual({ allowed: true });
  });

  it('count only what is sent: a refused attempt takes nothing from any budget', async () => {
    const { claims, db } = await emptyStore();
    const now = new Date('2026-12-01T10:15:00Z');
    const both = [{ bucket: 'address:a', limit: 1 }, { bucket: 'area:z', limit: 5 }];
    expect((await claims.claim({ ...claimInput('c1', 'answers', now), budgets: both })).kind).toBe('new');
    // The address is over its own budget: refused, and the area's budget is not used up by the attempts.
    for (let i = 2; i <= 6; i += 1) expect((await claims.claim({ ...claimInput(`c${i}`, 'answers', now), budgets: both })).kind).toBe('over-budget');
    const used = await db.query<{ bucket: string; used: number }>('SELECT bucket, used FROM send_budget ORDER BY bucket');
    expect(used).toEqual([{ bucket: 'address:a', used: 1 }, { bucket: 'area:z', used: 1 }]);
  });
});

describe('the time-trap tokens', () => {
  const limits = { minAgeMs: 3000, maxAgeMs: 86_400_000 };
  it('pass when signed by us and old enough, and fail when too soon, expired, forged or missing', () => {
    const now = Date.now();
    expect(checkToken(issueToken('secret', now - 5000), 'secret', now, limits)).toMatchObject({ ok: true });
    expect(checkToken(issueToken('secret', now - 1000), 'secret', now, limits)).toEqual({ ok: false, reason: 'too-soon' });
    expect(checkToken(issueToken('secret', now - 2 * 86_400_000), 'secret', now, limits)).toEqual({ ok: false, reason: 'expired' });
    expect(checkToken(issueToken('other secret', now - 5000), 'secret', now, limits)).toEqual({ ok: false, reason: 'forged' });
    const token = issueToken('secret', now - 5000);
    expect(checkToken(token.replace(/\.(\d+)\./, `.${now - 60_000}.`), 'secret', now, limits)).toEqual({ ok: false, reason: 'forged' });
    expect(checkToken(undefined, 'secret', now, limits)).toEqual({ ok: false, reason: 'missing' });
    expect(checkToken('v1.nonsense', 'secret', now, limits)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('can be used again for the same referral (a retry), never for another', async () => {
    const { tokens } = await emptyStore();
    const expiresAt = new Date(Date.now() + 60_000);
    expect(await tokens.use({ tokenHash: 'tok', keyHash: 'a', expiresAt })).toBe(true);
    expect(await tokens.use({ tokenHash: 'tok', keyHash: 'a', expiresAt })).toBe(true);
    expect(await tokens.use({ tokenHash: 'tok', keyHash: 'b', expiresAt })).toBe(false);
  });
});

describe('the embedded database on its own thread', () => {
  it('answers queries, and once its thread has ended fails them at once instead of leaving them waiting', async () => {
    const db = await pgliteThreadDatabase();
    expect(await db.query<{ one: number }>('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    await db.close();
    await expect(db.query('SELECT 1')).rejects.toThrow(/the database thread ended/);
  });
});

describe('answer hashing', () => {
  it('hashes answers the same whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: [1, { d: 2, c: 3 }] })).toBe(canonicalJson({ a: [1, { c: 3, d: 2 }], b: 1 }));
  });
});
