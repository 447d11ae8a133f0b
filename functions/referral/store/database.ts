import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The one database interface the store uses: parameterised queries returning rows. Two drivers give
 * it: PGlite (embedded Postgres, in a folder; the default for `npm start` and the tests) and `pg`
 * (a Postgres server from DATABASE_URL, in production). Both run the same SQL.
 */
export type Database = {
  query<Row extends Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs `work` with one connection held, so a session lock covers all of it (migrations). */
  session<T>(work: (db: Database) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** Which driver, for logs and the README's benchmark. */
  readonly driver: 'pglite' | 'pg';
};

/**
 * PGlite on its own thread (worker_threads), in `dir` or in memory: the queries run beside the server's
 * event loop rather than on it. One connection, so a session is the database itself.
 */
export async function pgliteThreadDatabase(dir?: string): Promise<Database> {
  const { Worker } = await import('node:worker_threads');
  if (dir) mkdirSync(dir, { recursive: true });
  const worker = new Worker(new URL('./pglite-thread.mjs', import.meta.url), { workerData: { dataDir: dir ? join(dir, 'pglite') : null } });
  const pending = new Map<number, { resolve: (rows: unknown[]) => void; reject: (error: Error) => void }>();
  let next = 0;
  await new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', () => resolve());
  });
  worker.on('message', (message: { id: number; rows?: unknown[]; error?: { message: string; code?: string } }) => {
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    if (message.error) waiting?.reject(Object.assign(new Error(message.error.message), { code: message.error.code }));
    else waiting?.resolve(message.rows ?? []);
  });
  // Once the thread has failed or ended, every query fails at once (a message to a dead thread would
  // never be answered, and the request waiting on it would hang).
  let ended: Error | undefined;
  const end = (error: Error) => {
    ended ??= error;
    for (const waiting of pending.values()) waiting.reject(ended);
    pending.clear();
  };
  worker.on('error', end);
  worker.on('exit', (code) => end(new Error(`the database thread ended (exit code ${code})`)));
  const send = (message: Record<string, unknown>) =>
    new Promise<unknown[]>((resolve, reject) => {
      if (ended) return reject(ended);
      const id = (next += 1);
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, ...message });
    });
  const db: Database = {
    driver: 'pglite',
    query: async (sql, params = []) => (await send({ sql, params: [...params] })) as never,
    session: (work) => work(db),
    async close() {
      await send({ close: true });
      await worker.terminate();
    },
  };
  return db;
}

/** PGlite in `dir` (or in memory when `dir` is undefined): one connection, so a session is the database itself. */
export async function pgliteDatabase(dir?: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  if (dir) mkdirSync(dir, { recursive: true });
  const pglite = await PGlite.create({ dataDir: dir ? join(dir, 'pglite') : undefined });
  const db: Database = {
    driver: 'pglite',
    async query(sql, params = []) {
      return (await pglite.query(sql, params as unknown[])).rows as never;
    },
    session: (work) => work(db),
    close: () => pglite.close(),
  };
  return db;
}

/** A Postgres server through `pg`'s pool. */
export async function postgresDatabase(url: string, options: { max?: number } = {}): Promise<Database> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 5, connectionTimeoutMillis: 5_000, idleTimeoutMillis: 30_000 });
  // An idle client losing its connection must not take the process down; the next query reconnects.
  pool.on('error', () => {});
  const wrap = (client: { query: (sql: string, params: unknown[]) => Promise<{ rows: unknown[] }> }): Database['query'] =>
    async (sql, params = []) => (await client.query(sql, params as unknown[])).rows as never;
  return {
    driver: 'pg',
    query: wrap(pool),
    async session(work) {
      const client = await pool.connect();
      const held: Database = { driver: 'pg', query: wrap(client), session: (inner) => inner(held), close: async () => {} };
      try {
        return await work(held);
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
