import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { productionDependencies } from '../../functions/referral/production.ts';
import { createReferralHandler } from '../../functions/referral/referral.ts';
import { integerSetting, SettingsError } from '../../functions/referral/settings.ts';
import { createSiteServer } from './node-server.ts';
import { startSmtpSink } from './smtp-sink.ts';

/**
 * `npm start`: serves the built site (dist/) on http://localhost:4321 (or PORT and HOST) with the same
 * headers as production, and mounts the referral function at /api/referral, exactly as Netlify does.
 * Without SMTP_URL, referrals go to an embedded SMTP receiver that saves them in outbox/. Every
 * setting is checked before the server listens: a bad one stops it with one line naming it.
 */
async function main(): Promise<void> {
  const distDir = resolve(process.env.DIST_DIR ?? 'dist');
  if (!existsSync(resolve(distDir, '_headers'))) throw new StartError(`No built site in ${distDir}. Run "npm run build" first (npm start does this for you).`);
  const port = integerSetting(process.env, 'PORT', 4321, 1, 65535);
  const host = process.env.HOST?.trim() || 'localhost';
  const trustProxy = integerSetting(process.env, 'TRUST_PROXY', 0, 0, 10);
  const maxConnectionsPerClient = integerSetting(process.env, 'MAX_CONNECTIONS_PER_CLIENT', 32, 1, 10_000);

  if (!process.env.SMTP_URL) {
    const outboxDir = resolve(process.env.OUTBOX_DIR ?? 'outbox');
    const sink = await startSmtpSink(outboxDir, (file, reference) => {
      console.log(`Referral ${reference} delivered to the local outbox: ${relative(process.cwd(), file)}`);
    });
    process.env.SMTP_URL = `smtp://127.0.0.1:${sink.port}`;
    process.env.MAIL_FROM ??= 'Restorative Justice Guide (local) <referrals@localhost>';
    console.log(`No SMTP_URL set: referrals go to a local SMTP receiver (127.0.0.1:${sink.port}) and are saved in ${relative(process.cwd(), outboxDir) || '.'}/`);
  }

  // Settings, the database (migrated) and the secret, before anything listens.
  const dependencies = await productionDependencies(process.env);
  const server = createSiteServer({
    distDir,
    api: createReferralHandler({ dependencies: () => dependencies }),
    publicOrigin: dependencies.settings.publicOrigin,
    trustProxy,
    maxConnectionsPerClient,
  });
  server.listen(port, host, () => {
    console.log(`Restorative Justice Guide: http://${host.includes(':') ? `[${host}]` : host}:${port}/ (store: ${dependencies.store.db.driver})`);
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      server.close(() => void dependencies.store.db.close().finally(() => process.exit(0)));
      server.closeAllConnections();
    });
  }
}

class StartError extends Error {}

main().catch((error: unknown) => {
  // One clear line: which setting, and what is wrong with it.
  if (error instanceof SettingsError || error instanceof StartError) console.error(`Cannot start: ${error.message}`);
  else console.error(`Cannot start: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  process.exit(1);
});
