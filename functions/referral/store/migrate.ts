import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.ts';

/**
 * Applies the plain SQL files in migrations/ that have not run yet, in name order, under an advisory
 * lock so that instances starting together take turns. Run at start. Every migration is written to be
 * safe to run twice (IF NOT EXISTS), for servers where the lock cannot separate sessions (PGlite's
 * socket server shares one session between its connections).
 */
const LOCK_ID = 7_311_020;

/** The migrations folder beside this file; in a bundled function, the same path under the working directory. */
export function migrationsDir(): string {
  const beside = fileURLToPath(new URL('./migrations/', import.meta.url));
  return existsSync(beside) ? beside : resolve('functions/referral/store/migrations');
}

export async function migrate(db: Database, dir = migrationsDir()): Promise<string[]> {
  const files = readdirSync(dir).filter((file) => file.endsWith('.sql')).sort();
  return db.session(async (session) => {
    await session.query('SELECT pg_advisory_lock($1)', [LOCK_ID]);
    try {
      await session.query('CREATE TABLE IF NOT EXISTS schema_migration (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
      const done = new Set((await session.query<{ name: string }>('SELECT name FROM schema_migration')).map((row) => row.name));
      const applied: string[] = [];
      for (const file of files.filter((name) => !done.has(name))) {
        const sql = readFileSync(join(dir, file), 'utf8');
        for (const statement of statements(sql)) await session.query(statement);
        await session.query('INSERT INTO schema_migration (name) VALUES ($1) ON CONFLICT (name) DO NOTHING', [file]);
        applied.push(file);
      }
      return applied;
    } finally {
      await session.query('SELECT pg_advisory_unlock($1)', [LOCK_ID]);
    }
  });
}

/** A migration's statements, split at semicolons that end a line (our migrations hold no functions). */
function statements(sql: string): string[] {
  return sql
    .replace(/--[^\n]*/g, '')
    .split(/;\s*(?:\n|$)/)
    .map((statement) => statement.trim())
    .filter(Boolean);
}
