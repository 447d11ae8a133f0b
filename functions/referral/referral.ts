import { baseSecurityHeaders, nonPageCsp } from '../../src/lib/security-headers.ts';
import { errorCodes, type ErrorCode } from './errors.ts';
import { jsonLineLogger, type Logger } from './log.ts';
import { fixedWindowLimiter, type RateLimiter } from './rate-limit.ts';
import { productionDependencies } from './production.ts';
import { submitReferral, type Dependencies, type SubmitResult } from './submit.ts';
import type { FieldIssue } from './validate.ts';

/**
 * POST /api/referral. HTTP only: method, origin, content type, body size, rate limit, status codes and
 * headers. The work itself is `submitReferral`. The same handler runs on Netlify (default export) and
 * in the local server (`npm start`).
 */
export const MAX_BODY_BYTES = 16 * 1024;

export type RequestContext = { ip?: string };
export type ReferralHandler = (request: Request, context?: RequestContext) => Promise<Response>;

export type HandlerOptions = {
  dependencies: () => Dependencies;
  logger?: Logger;
  rateLimiter?: RateLimiter;
};

export function createReferralHandler(options: HandlerOptions): ReferralHandler {
  const log = options.logger ?? jsonLineLogger;
  let deps: Dependencies | undefined;
  let limiter = options.rateLimiter;

  return async (request, context) => {
    const started = performance.now();
    const done = (response: Response, entry: { outcome: string; reference?: string; area?: string; error?: string }): Response => {
      log({ ...entry, status: response.status, ms: Math.round((performance.now() - started) * 10) / 10 });
      return response;
    };
    deps ??= options.dependencies();
    limiter ??= fixedWindowLimiter(deps.settings.rateLimit);

    if (request.method !== 'POST') {
      return done(errorResponse('METHOD_NOT_ALLOWED', {}, { Allow: 'POST' }), { outcome: 'method_not_allowed' });
    }
    if (!originAllowed(request, deps.settings.allowedOrigins)) {
      return done(errorResponse('FORBIDDEN_ORIGIN'), { outcome: 'forbidden_origin' });
    }
    const limit = limiter(context?.ip ?? 'unknown');
    if (!limit.allowed) {
      return done(errorResponse('RATE_LIMITED', {}, { 'Retry-After': String(limit.retryAfterSeconds) }), { outcome: 'rate_limited' });
    }
    if (!isJson(request.headers.get('content-type'))) {
      return done(errorResponse('UNSUPPORTED_MEDIA_TYPE'), { outcome: 'unsupported_media_type' });
    }
    const body = await readBody(request, MAX_BODY_BYTES);
    if (!body.ok) return done(errorResponse('PAYLOAD_TOO_LARGE'), { outcome: 'payload_too_large' });

    let parsed: unknown;
    try {
      parsed = JSON.parse(body.text);
    } catch {
      return done(errorResponse('INVALID_JSON'), { outcome: 'invalid_json' });
    }
    try {
      const result = await submitReferral(parsed, deps);
      return done(resultResponse(result, deps.settings.retryAfterSeconds), logEntry(result));
    } catch {
      // Never an internal message or a stack in the answer, nor anything the person wrote in the log.
      return done(errorResponse('INTERNAL_ERROR'), { outcome: 'internal_error' });
    }
  };
}

function resultResponse(result: SubmitResult, retryAfterSeconds: number): Response {
  switch (result.kind) {
    case 'accepted':
      return json(202, { reference: result.reference });
    case 'invalid':
      return errorResponse('INVALID_REFERRAL', { issues: result.issues });
    case 'refused':
      return errorResponse(result.code);
    case 'unavailable':
      return errorResponse('DELIVERY_UNAVAILABLE', {}, { 'Retry-After': String(retryAfterSeconds) });
  }
}

function logEntry(result: SubmitResult): { outcome: string; reference?: string; area?: string; error?: string } {
  switch (result.kind) {
    case 'accepted':
      return { outcome: result.outcome, reference: result.outcome === 'bot' ? undefined : result.reference, area: result.area };
    case 'invalid':
      return { outcome: 'invalid_referral' };
    case 'refused':
      return { outcome: result.code.toLowerCase(), area: result.area };
    case 'unavailable':
      return { outcome: 'delivery_unavailable', reference: result.reference || undefined, area: result.area, error: result.error };
  }
}

/** Browsers send Origin on every POST: it must be this site (or one listed in ALLOWED_ORIGINS). */
function originAllowed(request: Request, allowed: readonly string[]): boolean {
  if (request.headers.get('sec-fetch-site') === 'cross-site') return false;
  const origin = request.headers.get('origin');
  if (origin === null) return true;
  return origin === new URL(request.url).origin || allowed.includes(origin);
}

function isJson(contentType: string | null): boolean {
  return /^application\/json\s*(;|$)/i.test(contentType ?? '');
}

/** Reads at most `limit` bytes: the declared length is checked first, then the bytes as they arrive. */
async function readBody(request: Request, limit: number): Promise<{ ok: true; text: string } | { ok: false }> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > limit) return { ok: false };
  if (!request.body) return { ok: true, text: '' };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return { ok: false };
    }
    chunks.push(value);
  }
  return { ok: true, text: new TextDecoder().decode(Buffer.concat(chunks)) };
}

export const responseHeaders: Readonly<Record<string, string>> = {
  ...baseSecurityHeaders,
  'Content-Security-Policy': nonPageCsp,
  'Cache-Control': 'no-store',
};

function json(status: number, body: unknown, extra: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...responseHeaders, 'Content-Type': 'application/json; charset=utf-8', ...extra },
  });
}

function errorResponse(code: ErrorCode, fields: { issues?: FieldIssue[] } = {}, headers: Record<string, string> = {}): Response {
  return json(errorCodes[code].status, { error: { code, ...fields } }, headers);
}

/** The handler Netlify runs, and the local server mounts. */
const handler = createReferralHandler({ dependencies: productionDependencies });
export default handler;

/** Netlify Functions settings: the address, and the platform's per-IP rate limit. */
export const config = {
  path: '/api/referral',
  rateLimit: { windowLimit: 10, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};
