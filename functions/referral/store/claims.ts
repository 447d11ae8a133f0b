import type { Database } from './database.ts';

/**
 * Exactly once, across restarts and instances: each idempotency key (hashed) is claimed by one atomic
 * statement. Only hashes, the reference and the delivery state are kept, for a bounded time.
 *
 * - `new`: this caller must deliver, then `settle` the claim (also a retry after a failed delivery).
 * - `replay`: already delivered; answer with the same reference, send nothing.
 * - `unknown`: an earlier attempt may have reached the provider; do not send blind.
 * - `busy`: another request is delivering it now; wait for it with `waitForSettled`.
 * - `conflict`: the key was used for other answers.
 */
export type ClaimState = 'sending' | 'delivered' | 'failed' | 'unknown';

export type Claim =
  | { kind: 'new'; reference: string }
  /** New, but one of its send budgets is used up: the claim is left failed, so a retry later may send. */
  | { kind: 'over-budget'; reference: string; retryAfterSeconds: number }
  | { kind: 'replay'; reference: string }
  | { kind: 'unknown'; reference: string }
  | { kind: 'busy'; reference: string }
  | { kind: 'conflict' };

/** A budget a new claim draws on: at most `limit` sends per window in `bucket`. */
export type BudgetDraw = { bucket: string; limit: number };

export type ClaimStore = {
  /** Claims the key and, when it is new, draws one send from each budget, in one statement. */
  claim(input: { keyHash: string; answersHash: string; reference: string; now: Date; budgets?: readonly BudgetDraw[] }): Promise<Claim>;
  settle(keyHash: string, state: Exclude<ClaimState, 'sending'>): Promise<void>;
  /** The claim's state once it is no longer being sent (or `unknown` if that takes longer than `timeoutMs`). */
  waitForSettled(keyHash: string, timeoutMs: number): Promise<Exclude<ClaimState, 'sending'>>;
  /** Removes expired claims, budgets and used tokens. */
  sweep(now: Date): Promise<void>;
};

/** How long an instance may hold a claim while delivering; longer means it stopped, outcome unknown. */
const LEASE_MS = 60_000;
/** How often an instance removes expired rows (on the way through a claim, without waiting for it). */
const SWEEP_EVERY_MS = 10 * 60_000;

export function claimStore(db: Database, options: { ttlMs: number; budgetWindowMs: number }): ClaimStore {
  const at = (now: Date, ms: number) => new Date(now.getTime() + ms).toISOString();
  let lastSweep = 0;
  return {
    async claim({ keyHash, answersHash, reference, now, budgets = [] }) {
      if (now.getTime() - lastSweep >= SWEEP_EVERY_MS) {
        lastSweep = now.getTime();
        this.sweep(now).catch(() => {});
      }
      const windowStart = Math.floor(now.getTime() / options.budgetWindowMs) * options.budgetWindowMs;
      const windowEnd = windowStart + options.budgetWindowMs;
      // New key, a retry after a failed delivery with the same answers, or a key whose record has
      // expired (the same answers sent again another day): this caller sends, and its send is
      // counted against the budgets. One statement, so one commit on the hot path.
      const [claimed] = await db.query<{ reference: string | null; used: number[] | null }>(
        `WITH claimed AS (
           INSERT INTO referral_claim (key_hash, answers_hash, reference, state, lease_until, expires_at)
           VALUES ($1, $2, $3, 'sending', $4, $5)
           ON CONFLICT (key_hash) DO UPDATE SET state = 'sending', answers_hash = EXCLUDED.answers_hash, reference = EXCLUDED.reference,
             lease_until = EXCLUDED.lease_until, expires_at = EXCLUDED.expires_at
           WHERE (referral_claim.state = 'failed' AND referral_claim.answers_hash = EXCLUDED.answers_hash) OR referral_claim.expires_at <= $9
           RETURNING reference
         ), drawn AS (
           INSERT INTO send_budget (bucket, window_start, used, expires_at)
           SELECT bucket, $7, 1, $8 FROM unnest($6::text[]) AS bucket WHERE EXISTS (SELECT 1 FROM claimed)
           ON CONFLICT (bucket, window_start) DO UPDATE SET used = send_budget.used + 1
           RETURNING bucket, used
         )
         SELECT (SELECT reference FROM claimed) AS reference,
                (SELECT array_agg(drawn.used ORDER BY array_position($6::text[], drawn.bucket)) FROM drawn) AS used`,
        [keyHash, answersHash, reference, at(now, LEASE_MS), at(now, options.ttlMs), budgets.map((draw) => draw.bucket), new Date(windowStart).toISOString(), new Date(windowEnd).toISOString(), now.toISOString()],
      );
      if (claimed?.reference) {
        const used = claimed.used ?? [];
        if (budgets.some((draw, i) => (used[i] ?? 0) > draw.limit)) {
          // Nothing is sent, so nothing is counted: give the draw back to every budget.
          await db.query('UPDATE send_budget SET used = used - 1 WHERE bucket = ANY($1::text[]) AND window_start = $2', [budgets.map((draw) => draw.bucket), new Date(windowStart).toISOString()]);
          await this.settle(keyHash, 'failed');
          return { kind: 'over-budget', reference: claimed.reference, retryAfterSeconds: Math.max(1, Math.ceil((windowEnd - now.getTime()) / 1000)) };
        }
        return { kind: 'new', reference: claimed.reference };
      }
      const [row] = await db.query<{ answers_hash: string; reference: string; state: ClaimState; lease_until: Date }>(
        'SELECT answers_hash, reference, state, lease_until FROM referral_claim WHERE key_hash = $1',
        [keyHash],
      );
      if (!row) return this.claim({ keyHash, answersHash, reference, now, budgets });
      if (row.answers_hash !== answersHash) return { kind: 'conflict' };
      if (row.state === 'delivered') return { kind: 'replay', reference: row.reference };
      if (row.state === 'sending' && new Date(row.lease_until).getTime() > now.getTime()) return { kind: 'busy', reference: row.reference };
      // Unknown, or a lease that ran out: the instance that held it may have sent it.
      return { kind: 'unknown', reference: row.reference };
    },
    async settle(keyHash, state) {
      await db.query('UPDATE referral_claim SET state = $2 WHERE key_hash = $1', [keyHash, state]);
    },
    async waitForSettled(keyHash, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const [row] = await db.query<{ state: ClaimState }>('SELECT state FROM referral_claim WHERE key_hash = $1', [keyHash]);
        if (!row) return 'failed';
        if (row.state !== 'sending') return row.state;
        if (Date.now() >= deadline) return 'unknown';
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async sweep(now) {
      const time = now.toISOString();
      await db.query('DELETE FROM referral_claim WHERE expires_at <= $1', [time]);
      await db.query('DELETE FROM send_budget WHERE expires_at <= $1', [time]);
      await db.query('DELETE FROM used_token WHERE expires_at <= $1', [time]);
    },
  };
}
