import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Mounts a standard `(Request, context) => Response` handler on Node's http server, as Netlify's
 * runtime does. The body is collected with plain Node streams (no Web stream per request: on the
 * rejection path that alone halved throughput) up to a memory guard; the handler applies its own,
 * smaller limit and answers 413 itself.
 */
export type FetchHandler = (request: Request, context: { ip?: string }) => Promise<Response>;

const MEMORY_GUARD_BYTES = 64 * 1024;

export function nodeListener(handler: FetchHandler): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      // Keep just past the guard, so the handler still sees that the body was too large.
      if (size <= MEMORY_GUARD_BYTES) chunks.push(chunk);
      size += chunk.length;
    });
    req.on('error', () => res.destroy());
    req.on('end', () => {
      const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
      const request = new Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, {
        method: req.method,
        headers: toHeaders(req),
        body: hasBody ? Buffer.concat(chunks) : undefined,
      });
      handler(request, { ip: req.socket.remoteAddress })
        .then(async (response) => {
          const body = Buffer.from(await response.arrayBuffer());
          res.writeHead(response.status, Object.fromEntries(response.headers));
          res.end(body);
        })
        .catch(() => {
          res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
          res.end('Internal error');
        });
    });
  };
}

function toHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i] ?? '', raw[i + 1] ?? '');
  return headers;
}
