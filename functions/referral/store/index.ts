import { claimStore, type ClaimStore } from './claims.ts';
import { pgliteThreadDatabase, postgresDatabase, type Database } from './database.ts';
import { migrate } from './migrate.ts';
import { usedTokens, type UsedTokens } from './used-tokens.ts';

/** Send budgets count per hour. */
export const BUDGET_WINDOW_MS = 60 * 60 * 1000;

/** Everything the function keeps, on one database: claims, send budgets and used tokens. */
export type Store = { db: Database; claims: ClaimStore; tokens: UsedTokens };

export function storeOn(db: Database, options: { idempotencyTtlMs: number }): Store {
  return { db, claims: claimStore(db, { ttlMs: options.idempotencyTtlMs, budgetWindowMs: BUDGET_WINDOW_MS }), tokens: usedTokens(db) };
}

/** The database from the settings (DATABASE_URL, or PGlite in DATA_DIR), migrated. */
export async function openStore(settings: { databaseUrl: string | undefined; dataDir: string; idempotencyTtlMs: number }): Promise<Store> {
  const db = settings.databaseUrl ? await postgresDatabase(settings.databaseUrl) : await pgliteThreadDatabase(settings.dataDir);
  try {
    await migrate(db);
  } catch (error) {
    // Not ready: close this connection; the next request opens a new one and tries again.
    await db.close().catch(() => {});
    throw error;
  }
  return storeOn(db, settings);
}

export type { Database } from './database.ts';
