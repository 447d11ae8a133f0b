// The embedded database's own thread (see database.ts): PGlite runs its queries here, so that a busy
// database does not hold up the server's event loop. Messages: { id, sql, params } → { id, rows } | { id, error }.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

const db = await PGlite.create({ dataDir: workerData.dataDir ?? undefined });
parentPort.on('message', async (message) => {
  if (message.close) {
    await db.close();
    parentPort.postMessage({ id: message.id, rows: [] });
    return;
  }
  try {
    const result = await db.query(message.sql, message.params);
    parentPort.postMessage({ id: message.id, rows: result.rows });
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: { message: String(error?.message ?? error), code: error?.code } });
  }
});
parentPort.postMessage({ ready: true });
