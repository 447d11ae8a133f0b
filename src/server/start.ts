import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { relative, resolve } from 'node:path';
import referral from '../../functions/referral/referral.ts';
import { nodeListener } from './fetch-adapter.ts';
import { startSmtpSink } from './smtp-sink.ts';
import { staticSite } from './static-site.ts';

/**
 * `npm start`: serves the built site (dist/) on http://localhost:4321 (or PORT and HOST) with the same
 * headers as production, and mounts the referral function at /api/referral, exactly as Netlify does.
 * Without SMTP_URL, referrals go to an embedded SMTP receiver that saves them in outbox/.
 */
const distDir = resolve(process.env.DIST_DIR ?? 'dist');
if (!existsSync(resolve(distDir, '_headers'))) {
  console.error(`No built site in ${distDir}. Run "npm run build" first (npm start does this for you).`);
  process.exit(1);
}

const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? 'localhost';

if (!process.env.SMTP_URL) {
  const outboxDir = resolve(process.env.OUTBOX_DIR ?? 'outbox');
  const sink = await startSmtpSink(outboxDir, (file, reference) => {
    console.log(`Referral ${reference} delivered to the local outbox: ${relative(process.cwd(), file)}`);
  });
  process.env.SMTP_URL = `smtp://127.0.0.1:${sink.port}`;
  console.log(`No SMTP_URL set: referrals go to a local SMTP receiver (127.0.0.1:${sink.port}) and are saved in ${relative(process.cwd(), outboxDir) || '.'}/`);
}

const site = staticSite(distDir);
const api = nodeListener(referral);

const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (path === '/api/referral') api(req, res);
  else site.listener(req, res);
});
server.listen(port, host, () => {
  console.log(`Restorative Justice Guide: http://${host.includes(':') ? `[${host}]` : host}:${port}/`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => server.close(() => process.exit(0)));
}
