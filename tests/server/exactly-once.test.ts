import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { referenceFor } from '../../functions/referral/reference.ts';
import { referrals, testSecret } from '../fixtures/referrals.ts';
import { startServerProcess, tempDir, type ServerProcess } from '../support/server-process.ts';
import { startTestSmtp } from '../support/smtp.ts';

/**
 * Exactly once, across a restart and across instances: the claims live in Postgres (PGlite in a data
 * folder by default; a Postgres server, here PGlite's socket server, through DATABASE_URL).
 */
let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
const running: ServerProcess[] = [];

beforeAll(async () => {
  smtp = await startTestSmtp();
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.stop()));
});
afterAll(async () => {
  await smtp?.close();
});

const send = (server: ServerProcess, body: unknown) =>
  fetch(`${server.origin}/api/referral`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.origin }, body: JSON.stringify(body) });

async function start(env: Record<string, string>, port?: number): Promise<ServerProcess> {
  const server = await startServerProcess({ SMTP_URL: smtp.url, ...env }, port);
  running.push(server);
  return server;
}

describe('exactly once', () => {
  it('survives a restart: the retry after it sends nothing and gets the same reference', async () => {
    const dataDir = tempDir('rj-data-');
    const before = smtp.received.length;
    const body = referrals.valid();
    const first = await start({ DATA_DIR: dataDir });
    const sent = await send(first, body);
    expect(sent.status).toBe(202);
    const { reference } = (await sent.json()) as { reference: string };
    expect(reference).toBe(referenceFor(body.idempotencyKey, testSecret));
    await first.stop();
    running.splice(running.indexOf(first), 1);

    const second = await start({ DATA_DIR: dataDir }, first.port);
    const retried = await send(second, body);
    expect(retried.status).toBe(202);
    expect(await retried.json()).toEqual({ reference });
    expect(smtp.received.length - before).toBe(1);
  }, 60_000);

  describe('with two server processes sharing one Postgres', () => {
    let db: PGlite;
    let socketServer: PGLiteSocketServer;
    let databaseUrl: string;

    beforeAll(async () => {
      db = await PGlite.create();
      socketServer = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1', maxConnections: 20 });
      await socketServer.start();
      databaseUrl = `postgres://postgres:postgres@${socketServer.getServerConn()}/postgres`;
    }, 30_000);
    afterAll(async () => {
      await socketServer?.stop();
      await db?.close();
    });

    it('20 concurrent posts with one key, split between them, send exactly one email', async () => {
      const [one, two] = await Promise.all([start({ DATABASE_URL: databaseUrl }), start({ DATABASE_URL: databaseUrl })]);
      if (!one || !two) throw new Error('servers did not start');
      const before = smtp.received.length;
      const body = referrals.valid();
      const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => send(i % 2 === 0 ? one : two, body)));
      expect(responses.map((response) => response.status)).toEqual(Array(20).fill(202));
      const references = new Set(await Promise.all(responses.map(async (response) => ((await response.json()) as { reference: string }).reference)));
      expect(references).toEqual(new Set([referenceFor(body.idempotencyKey, testSecret)]));
      expect(smtp.received.length - before).toBe(1);
    }, 60_000);

    it('holds the per-area budget across both processes', async () => {
      const env = { DATABASE_URL: databaseUrl, REFERRAL_AREA_BUDGET: '3' };
      const [one, two] = await Promise.all([start(env), start(env)]);
      if (!one || !two) throw new Error('servers did not start');
      await db.query("DELETE FROM send_budget WHERE bucket LIKE 'area:%'");
      const statuses: number[] = [];
      for (let i = 0; i < 6; i += 1) statuses.push((await send(i % 2 === 0 ? one : two, referrals.valid())).status);
      expect(statuses).toEqual([202, 202, 202, 429, 429, 429]);
    }, 60_000);
  });
});
