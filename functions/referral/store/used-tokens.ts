import type { Database } from './database.ts';

/**
 * A time-trap token may be used for one referral only. Its first use records the (hashed) key it was
 * used for; the same token with the same key is a retry, with another key a replay.
 */
export type UsedTokens = {
  /** True when the token is fresh or was used for this same key; false when it was used for another. */
  use(input: { tokenHash: string; keyHash: string; expiresAt: Date }): Promise<boolean>;
};

export function usedTokens(db: Database): UsedTokens {
  return {
    async use({ tokenHash, keyHash, expiresAt }) {
      await db.query(
        'INSERT INTO used_token (token_hash, key_hash, expires_at) VALUES ($1, $2, $3) ON CONFLICT (token_hash) DO NOTHING',
        [tokenHash, keyHash, expiresAt.toISOString()],
      );
      const [row] = await db.query<{ key_hash: string }>('SELECT key_hash FROM used_token WHERE token_hash = $1', [tokenHash]);
      return row?.key_hash === keyHash;
    },
  };
}
