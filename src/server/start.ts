import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { staticSite } from './static-site.ts';

/**
 * `npm start`: serves the built site (dist/) on http://localhost:4321, or PORT and HOST, with the
 * same headers as production.
 */
const distDir = resolve(process.env.DIST_DIR ?? 'dist');
if (!existsSync(resolve(distDir, '_headers'))) {
  console.error(`No built site in ${distDir}. Run "npm run build" first (npm start does this for you).`);
  process.exit(1);
}

const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? 'localhost';
const site = staticSite(distDir);

const server = createServer((req, res) => site.listener(req, res));
server.listen(port, host, () => {
  console.log(`Restorative Justice Guide: http://${host.includes(':') ? `[${host}]` : host}:${port}/`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => server.close(() => process.exit(0)));
}
