import { readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, normalize, sep } from 'node:path';
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
  const root = normalize(distDir) + sep;
  /** Whether a file is there now for this path (sirv knows only the files there at start). */
  const present = (pathname: string): boolean => {
    let path: string;
    try {
      path = decodeURIComponent(pathname);
    } catch {
      return false;
    }
    const candidates = path.endsWith('/') ? [`${path}index.html`] : [path, `${path}.html`, `${path}/index.html`];
    return candidates.some((candidate) => {
      const full = normalize(join(root, candidate));
      return full.startsWith(root) && statSync(full, { throwIfNoEntry: false })?.isFile() === true;
    });
  };
  const notFound = (res: ServerResponse) => {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache');
    res.end(notFoundPage);
  };

  const listener: Listener = (req, res) => {
    // sirv pipes a file stream into the response without listening for its errors, so a file removed
    // after start (a rebuild under a running server) would end the process. Missing files get the 404
    // page before sirv is asked; should one vanish in the moment between, the response hears of every
    // stream piped into it, and the error closes that one connection instead.
    res.on('pipe', (source) => source.on('error', () => res.destroy()));
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    for (const [name, value] of Object.entries(headersForPath(path))) res.setHeader(name, value);
    compress(req as never, res as never, () => {
      if (!present(path)) return notFound(res);
      files(req, res, () => notFound(res));
    });
  };
  return { listener, headersForPath };
}
