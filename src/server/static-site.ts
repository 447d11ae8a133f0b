import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import compression from 'compression';
import sirv from 'sirv';
import { headersFor, parseHeadersFile } from '../lib/headers-file.ts';

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Serves the built site from `dist/` with sirv, compressed, with the headers from `dist/_headers` (the
 * file Netlify reads in production) on every response, and the site's own 404 page.
 */
export function staticSite(distDir: string): { listener: Listener; headersForPath: (path: string) => Record<string, string> } {
  const rules = parseHeadersFile(readFileSync(join(distDir, '_headers'), 'utf8'));
  const notFoundPage = readFileSync(join(distDir, '404.html'));
  const compress = compression();
  const files = sirv(distDir, { dev: false, etag: true, extensions: ['html'] });
  const headersForPath = (path: string) => headersFor(rules, path);

  const listener: Listener = (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    for (const [name, value] of Object.entries(headersForPath(path))) res.setHeader(name, value);
    compress(req as never, res as never, () => {
      files(req, res, () => {
        res.statusCode = 404;
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.setHeader('Cache-Control', 'no-cache');
        res.end(notFoundPage);
      });
    });
  };
  return { listener, headersForPath };
}
