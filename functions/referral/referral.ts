import { baseSecurityHeaders, nonPageCsp } from '../../src/lib/security-headers.ts';
import { errorCodes, type ErrorCode } from './errors.ts';
import { jsonLineLogger, type Logger } from './log.ts';
import { fixedWindowLimiter, type RateLimiter } from './rate-limit.ts';
import { productionDependencies } from './production.ts';
import { formIssues, formValues, referralFromForm } from './form.ts';
import { renderPage, type PageOutcome } from './page.ts';
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

    const mode = bodyKind(request.headers.get('content-type'));
    // A person without JavaScript posts the form: every answer to them is a page, not JSON.
    const fail = (code: ErrorCode, headers: Record<string, string> = {}) =>
      mode === 'form' ? htmlResponse(errorCodes[code].status, renderPage({ kind: 'error' }), headers) : errorResponse(code, {}, headers);

    if (request.method !== 'POST') {
      return done(errorResponse('METHOD_NOT_ALLOWED', {}, { Allow: 'POST' }), { outcome: 'method_not_allowed' });
    }
    if (!originAllowed(request, deps.settings.allowedOrigins)) {
      return done(fail('FORBIDDEN_ORIGIN'), { outcome: 'forbidden_origin' });
    }
    const limit = limiter(context?.ip ?? 'unknown');
    if (!limit.allowed) {
      return done(fail('RATE_LIMITED', { 'Retry-After': String(limit.retryAfterSeconds) }), { outcome: 'rate_limited' });
    }
    if (!mode) return done(errorResponse('UNSUPPORTED_MEDIA_TYPE'), { outcome: 'unsupported_media_type' });
    const body = await readBody(request, MAX_BODY_BYTES);
    if (!body.ok) return done(fail('PAYLOAD_TOO_LARGE'), { outcome: 'payload_too_large' });

    let parsed: unknown;
    let form: URLSearchParams | undefined;
    if (mode === 'form') {
      form = new URLSearchParams(body.text);
      parsed = referralFromForm(form);
    } else {
      try {
        parsed = JSON.parse(body.text);
      } catch {
        return done(errorResponse('INVALID_JSON'), { outcome: 'invalid_json' });
      }
    }
    try {
      const result = await submitReferral(parsed, deps);
      const response = form ? pageResponse(result, form, deps.settings.retryAfterSeconds) : resultResponse(result, deps.settings.retryAfterSeconds);
      return done(response, logEntry(result));
    } catch {
      // Never an internal message or a stack in the answer, nor anything the person wrote in the log.
      return done(fail('INTERNAL_ERROR'), { outcome: 'internal_error' });
    }
  };
}

/** The page for a form post's result, with the same status the JSON answer would have. */
function pageResponse(result: SubmitResult, form: URLSearchParams, retryAfterSeconds: number): Response {
  const values = formValues(form);
  const area = form.get('area') ?? undefined;
  let outcome: PageOutcome;
  let status: number;
  switch (result.kind) {
    case 'accepted':
      outcome = { kind: 'sent', reference: result.reference, area };
      status = 202;
      break;
    case 'invalid':
      outcome = { kind: 'problem', values, issues: formIssues(result.issues) };
      status = 400;
      break;
    case 'refused':
      status = 422;
      outcome =
        result.code === 'CONSENT_REQUIRED'
          ? { kind: 'problem', values, issues: [{ field: 'consent', message: 'Tick the box to agree to share your answers, or leave this page if you do not want to send a referral' }] }
          : result.code === 'IDEMPOTENCY_KEY_REUSED'
            ? { kind: 'error' }
            : { kind: 'not-accepting', area };
      break;
    case 'unavailable':
      return htmlResponse(503, renderPage({ kind: 'unavailable', values, area }), { 'Retry-After': String(retryAfterSeconds) });
  }
  return htmlResponse(status, renderPage(outcome));
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

/**
 * Only this site's pages may post. Browsers send Origin on every POST; with our no-referrer policy a
 * plain form post sends "Origin: null", so then the Fetch Metadata header must say same-origin.
 * Requests with neither header are not from a browser, so not a cross-site request forgery.
 */
function originAllowed(request: Request, allowed: readonly string[]): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site === 'cross-site') return false;
  const origin = request.headers.get('origin');
  if (origin === null) return true;
  if (origin === 'null') return site === 'same-origin';
  return origin === new URL(request.url).origin || allowed.includes(origin);
}

/** JSON from the chat, or a form post from the no-JavaScript page; anything else is refused. */
function bodyKind(contentType: string | null): 'json' | 'form' | undefined {
  if (/^application\/json\s*(;|$)/i.test(contentType ?? '')) return 'json';
  if (/^application\/x-www-form-urlencoded\s*(;|$)/i.test(contentType ?? '')) return 'form';
  return undefined;
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

/** Pages carry the site's stylesheet and nothing else: no script at all. */
export const pageCsp = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

function htmlResponse(status: number, html: string, extra: Record<string, string> = {}): Response {
  return new Response(html, {
    status,
    headers: { ...responseHeaders, 'Content-Security-Policy': pageCsp, 'Content-Type': 'text/html; charset=utf-8', ...extra },
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
