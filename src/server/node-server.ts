import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { clientAddress, clientKey } from '../../functions/referral/client-address.ts';
import { errorResponse, MAX_BODY_BYTES, type ReferralHandler } from '../../functions/referral/referral.ts';
import { staticSite } from './static-site.ts';

/**
 * The local server of `npm start`: the built site, and the referral function mounted at /api/ exactly
 * as Netlify mounts it. One bad request can never take it down:
 * - every request is answered inside one boundary (400 for what cannot be read, 500 otherwise);
 * - request addresses are built from the configured public origin, never from the Host header;
 * - slow headers and slow bodies are cut off, and each client may hold only so many connections;
 * - a body must declare its length, and one declared over 16 KB is refused before it is read (and
 *   without "100 Continue"); the rate limit is checked before any body is read.
 */
export type SiteServerOptions = {
  distDir: string;
  api: ReferralHandler;
  /** The site's public origin (SITE_URL), e.g. https://rj.example.org. */
  publicOrigin: string;
  /** How many reverse proxies in front of this server to trust for the client's address (TRUST_PROXY). */
  trustProxy: number;
  /** Open connections one client address may hold (not applied behind a trusted proxy). */
  maxConnectionsPerClient: number;
  /** Optional overrides, for tests. */
  timeouts?: Partial<{ headersMs: number; requestMs: number; keepAliveMs: number }>;
};

const forbiddenMethods = new Set(['TRACE', 'TRACK', 'CONNECT']);
/** Files in dist/ that are configuration for the host, not pages. */
const hiddenFiles = /^\/_(headers|redirects)(\/|$)/;

export function createSiteServer(options: SiteServerOptions): Server {
  const site = staticSite(options.distDir);
  const publicHost = new URL(options.publicOrigin).host;
  const api = getRequestListener(
    (request, bindings) => {
      const incoming = (bindings as { incoming: IncomingMessage }).incoming;
      return options.api(request, { ip: clientAddress(incoming.socket.remoteAddress, header(incoming, 'x-forwarded-for'), options.trustProxy) });
    },
    { errorHandler: () => errorResponse('BAD_REQUEST') },
  );

  const server = createServer(
    {
      headersTimeout: options.timeouts?.headersMs ?? 10_000,
      requestTimeout: options.timeouts?.requestMs ?? 15_000,
      keepAliveTimeout: options.timeouts?.keepAliveMs ?? 5_000,
      // How often the timeouts above are checked (Node's default, 30 s, would let them run long).
      connectionsCheckingInterval: 1_000,
      maxHeaderSize: 16 * 1024,
    },
    (req, res) => boundary(req, res, () => route(req, res)),
  );

  const route = (req: IncomingMessage, res: ServerResponse) => {
    const path = normaliseTarget(req);
    if (path === undefined) return answer(res, 400, 'BAD_REQUEST');
    // Whatever the client said, the request is about our own site.
    req.headers.host = publicHost;
    if (forbiddenMethods.has(req.method ?? '')) return answer(res, 405, 'METHOD_NOT_ALLOWED', { Allow: 'GET, HEAD, POST' });
    if (path.startsWith('/api/')) {
      if (req.method === 'POST') {
        const declared = header(req, 'content-length');
        if (declared === undefined) return answer(res, 411, 'LENGTH_REQUIRED', { Connection: 'close' }, true);
        if (!/^\d+$/.test(declared) || Number(declared) > MAX_BODY_BYTES) return answer(res, 413, 'PAYLOAD_TOO_LARGE', { Connection: 'close' }, true);
      }
      api(req, res).catch(() => answer(res, 500, 'INTERNAL_ERROR'));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return answer(res, 405, 'METHOD_NOT_ALLOWED', { Allow: 'GET, HEAD' });
    if (hiddenFiles.test(path)) {
      req.url = '/404-not-found';
    }
    site.listener(req, res);
  };

  // "Expect: 100-continue": only invite the body if we would read it.
  server.on('checkContinue', (req, res) =>
    boundary(req, res, () => {
      const declared = Number(header(req, 'content-length') ?? Number.NaN);
      if (!(declared <= MAX_BODY_BYTES)) return answer(res, 413, 'PAYLOAD_TOO_LARGE', { Connection: 'close' }, true);
      res.writeContinue();
      route(req, res);
    }),
  );
  server.on('connect', (_req: IncomingMessage, socket: Socket) => {
    socket.end('HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD, POST\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || socket.destroyed) return void socket.destroy();
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });
  if (options.trustProxy === 0) limitConnectionsPerClient(server, options.maxConnectionsPerClient);
  return server;
}

/** Runs `work`, and answers 500 if it throws: nothing a request does escapes to the process. */
function boundary(req: IncomingMessage, res: ServerResponse, work: () => void): void {
  req.on('error', () => res.destroy());
  res.on('error', () => res.destroy());
  try {
    work();
  } catch {
    answer(res, 500, 'INTERNAL_ERROR');
  }
}

/** The path and query of the request target; undefined when it cannot be read. */
function normaliseTarget(req: IncomingMessage): string | undefined {
  const target = req.url ?? '';
  let url: URL;
  try {
    // Absolute form ("GET http://host/path") is allowed by HTTP; only its path and query are used.
    url = new URL(target.startsWith('/') ? `http://localhost${target}` : target);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  req.url = `${url.pathname}${url.search}`;
  return url.pathname;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** An error answer in the function's JSON shape; `close` ends the connection so an unread body is never read. */
function answer(res: ServerResponse, status: number, code: Parameters<typeof errorResponse>[0], headers: Record<string, string> = {}, close = false): void {
  if (res.headersSent) return void res.destroy();
  const response = errorResponse(code, {}, headers);
  const body = JSON.stringify({ error: { code } });
  res.writeHead(status, { ...Object.fromEntries(response.headers), 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
  if (close) res.once('finish', () => res.socket?.destroySoon());
}

/** Refuses a client's connections past `max` open at once, so one address cannot use up every socket. */
function limitConnectionsPerClient(server: Server, max: number): void {
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const key = clientKey(socket.remoteAddress);
    const count = (open.get(key) ?? 0) + 1;
    if (count > max) {
      socket.destroy();
      return;
    }
    open.set(key, count);
    socket.once('close', () => {
      const left = (open.get(key) ?? 1) - 1;
      if (left <= 0) open.delete(key);
      else open.set(key, left);
    });
  });
}
