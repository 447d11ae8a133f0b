import type { Database } from './database.ts';

/**
 * Send budgets shared by every instance: referrals per area and per client address in fixed windows.
 * Each use is one atomic increment; a bucket over its limit says how long until the window ends.
 */
export type BudgetUse = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export type Budgets = {
  use(bucket: string, limit: number, now: Date): Promise<BudgetUse>;
};

export function budgets(db: Database, options: { windowMs: number }): Budgets {
  return {
    async use(bucket, limit, now) {
      const start = Math.floor(now.getTime() / options.windowMs) * options.windowMs;
      const end = start + options.windowMs;
      const [row] = await db.query<{ used: number }>(
        `INSERT INTO send_budget (bucket, window_start, used, expires_at) VALUES ($1, $2, 1, $3)
         ON CONFLICT (bucket, window_start) DO UPDATE SET used = send_budget.used + 1
         RETURNING used`,
        [bucket, new Date(start).toISOString(), new Date(end).toISOString()],
      );
      if ((row?.used ?? 0) <= limit) return { allowed: true };
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((end - now.getTime()) / 1000)) };
    },
  };
}
