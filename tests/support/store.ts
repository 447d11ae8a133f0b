import { pgliteDatabase } from '../../functions/referral/store/database.ts';
import { storeOn, type Store } from '../../functions/referral/store/index.ts';
import { migrate } from '../../functions/referral/store/migrate.ts';

/**
 * The store the function tests use: the same SQL as production, on an in-memory PGlite shared by the
 * tests of one file (starting PGlite takes a few seconds). `emptyStore` clears it for a test that
 * counts what was kept.
 */
let shared: Promise<Store> | undefined;

export function testStore(): Promise<Store> {
  shared ??= (async () => {
    const db = await pgliteDatabase();
    await migrate(db);
    return storeOn(db, { idempotencyTtlMs: 24 * 60 * 60 * 1000 });
  })();
  return shared;
}

export async function emptyStore(): Promise<Store> {
  const store = await testStore();
  await store.db.query('TRUNCATE referral_claim, send_budget, used_token');
  return store;
}
