import { baseSecurityHeaders, nonPageCsp } from '../../src/lib/security-headers.ts';
import { clientKey } from './client-address.ts';
import { errorCodes, type ErrorCode } from './errors.ts';
import { formIssues, formValues, referralFromForm } from './form.ts';
import { jsonLineLogger, type Logger, type RequestLog } from './log.ts';
import { renderPage, type PageOutcome } from './page.ts';
import { productionDependencies } from './production.ts';
import { fixedWindowLimiter, type RateLimiter } from './rate-limit.ts';
import { submitReferral, type Dependencies, type SubmitResult } from './submit.ts';
import { issueToken } from './token.ts';
import { validateReferral, type FieldIssue } from './validate.ts';

/**
 * POST /api/referral sends a referral; GET /api/referral/token issues a time-trap token. HTTP only:
 * method, origin, content type, body size, rate limit, status codes and headers; the work itself is
 * `submitReferral`. The same handler runs on Netlify (the default export) and in the local server.
 * Every request is answered inside one boundary: whatever goes wrong, the answer is a stable error
 * code and the log line names the error class, never a message or anything the person wrote.
 */
export const MAX_BODY_BYTES = 16 * 1024;
export const REFERRAL_PATH = '/api/referral';
export const TOKEN_PATH = '/api/referral/token';

export type RequestContext = { ip?: string };
export type ReferralHandler = (request: Request, context?: RequestContext) => Promise<Response>;

export type HandlerOptions = {
  /** Built once, on the first request (the local server builds them at start instead). */
  dependencies: () => Dependencies | Promise<Dependencies>;
  logger?: Logger;
  /** Per-client request limit; by default REFERRAL_RATE_LIMIT requests a minute. */
  rateLimiter?: RateLimiter;
};

type Entry = Omit<RequestLog, 'status' | 'ms'>;

export function createReferralHandler(options: HandlerOptions): ReferralHandler {
  const log = options.logger ?? jsonLineLogger;
  let loading: Promise<Dependencies> | undefined;
  let limiter = options.rateLimiter;
  const dependencies = () => {
    loading ??= Promise.resolve()
      .then(options.dependencies)
      .catch((error: unknown) => {
        // Not ready (the database is down, say): the next request tries again.
        loading = undefined;
        throw error;
      });
    return loading;
  };

  return async (request, context) => {
    const started = performance.now();
    const done = (response: Response, entry: Entry): Response => {
      log({ ...entry, status: response.status, ms: Math.round((performance.now() - started) * 10) / 10 });
      return response;
    };
    const mode = bodyKind(request.headers.get('content-type'));
    try {
      const deps = await dependencies();
      limiter ??= fixedWindowLimiter(deps.settings.rateLimit);
      return await handle(request, context ?? {}, deps, limiter, mode, done);
    } catch (error) {
      // Never an internal message or a stack in the answer, nor anything the person wrote in the log.
      const response = mode === 'form' ? htmlResponse(500, renderPage({ kind: 'error' })) : errorResponse('INTERNAL_ERROR');
      return done(response, { outcome: 'internal_error', error: errorClass(error) });
    }
  };
}

async function handle(
  request: Request,
  context: RequestContext,
  deps: Dependencies,
  limiter: RateLimiter,
  mode: 'json' | 'form' | undefined,
  done: (response: Response, entry: Entry) => Response,
): Promise<Response> {
  const { settings } = deps;
  const path = pathOf(request.url);
  // A person without JavaScript posts the form: every answer to them is a page, not JSON.
  const fail = (code: ErrorCode, headers: Record<string, string> = {}) =>
    mode === 'form' ? htmlResponse(errorCodes[code].status, renderPage({ kind: 'error' }), headers) : errorResponse(code, {}, headers);

  if (path === TOKEN_PATH) {
    if (request.method !== 'GET' && request.method !== 'HEAD') return done(errorResponse('METHOD_NOT_ALLOWED', {}, { Allow: 'GET, HEAD' }), { outcome: 'method_not_allowed' });
    return done(json(200, { token: issueToken(deps.secret, deps.now().getTime()) }), { outcome: 'token_issued' });
  }
  if (path !== REFERRAL_PATH) return done(errorResponse('NOT_FOUND'), { outcome: 'not_found' });
  if (request.method !== 'POST') return done(errorResponse('METHOD_NOT_ALLOWED', {}, { Allow: 'POST' }), { outcome: 'method_not_allowed' });
  if (!originAllowed(request, settings.allowedOrigins, mode)) return done(fail('FORBIDDEN_ORIGIN'), { outcome: 'forbidden_origin' });
  // Checked before the body is read: a flood costs us a header parse, not a body.
  const key = clientKey(context.ip);
  const limit = limiter(key);
  if (!limit.allowed) {
    const headers = { 'Retry-After': String(limit.retryAfterSeconds) };
    const response = mode === 'form' ? htmlResponse(429, renderPage({ kind: 'busy' }), headers) : errorResponse('RATE_LIMITED', {}, headers);
    return done(response, { outcome: 'rate_limited' });
  }
  if (!mode) return done(errorResponse('UNSUPPORTED_MEDIA_TYPE'), { outcome: 'unsupported_media_type' });
  const body = await readBody(request, MAX_BODY_BYTES);
  if (!body.ok) return done(fail('PAYLOAD_TOO_LARGE', { Connection: 'close' }), { outcome: 'payload_too_large' });

  if (mode === 'form') return formPost(new URLSearchParams(body.text), deps, key, done);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.text);
  } catch {
    return done(errorResponse('INVALID_JSON'), { outcome: 'invalid_json' });
  }
  const result = await submitReferral(parsed, deps, { clientKey: key });
  return done(resultResponse(result, settings.retryAfterSeconds), logEntry(result));
}

/**
 * The no-JavaScript form. Its first post is checked and, when the answers are complete, answered with
 * a "check your answers" page carrying a signed token: only a post from that page sends, so the time
 * trap holds for the form too, and nothing is sent before the person has seen what will be.
 */
async function formPost(form: URLSearchParams, deps: Dependencies, key: string, done: (response: Response, entry: Entry) => Response): Promise<Response> {
  const values = formValues(form);
  const area = form.get('area') ?? undefined;
  if (!form.get('token')) {
    const result = formProblems(form);
    if (result.length > 0) return done(htmlResponse(400, renderPage({ kind: 'problem', values, issues: formIssues(result) })), { outcome: 'invalid_referral' });
    const token = issueToken(deps.secret, deps.now().getTime());
    return done(htmlResponse(200, renderPage({ kind: 'check', values, token, area })), { outcome: 'form_checked', area });
  }
  const result = await submitReferral(referralFromForm(form), deps, { clientKey: key });
  return done(pageResponse(result, values, area, deps.settings.retryAfterSeconds), logEntry(result));
}

/** The schema's issues with a form's answers (no token needed to check them). */
function formProblems(form: URLSearchParams): FieldIssue[] {
  const validation = validateReferral(referralFromForm(form));
  const issues = validation.ok ? [] : validation.issues;
  const referral = validation.ok ? validation.referral : undefined;
  if (referral && !referral.consent) issues.push({ path: 'consent', message: 'Tick the box to agree to share your answers, or leave this page if you do not want to send a referral' });
  return issues;
}

/** The page for a form post's result, with the same status the JSON answer would have. */
function pageResponse(result: SubmitResult, values: ReturnType<typeof formValues>, area: string | undefined, retryAfterSeconds: number): Response {
  let outcome: PageOutcome;
  switch (result.kind) {
    case 'accepted':
      return htmlResponse(202, renderPage({ kind: 'sent', reference: result.reference, area, unconfirmed: result.delivery === 'unconfirmed' }));
    case 'invalid':
      return htmlResponse(400, renderPage({ kind: 'problem', values, issues: formIssues(result.issues) }));
    case 'refused':
      outcome =
        result.code === 'CONSENT_REQUIRED'
          ? { kind: 'problem', values, issues: [{ field: 'consent', message: 'Tick the box to agree to share your answers, or leave this page if you do not want to send a referral' }] }
          : result.code === 'IDEMPOTENCY_KEY_REUSED'
            ? { kind: 'error' }
            : { kind: 'not-accepting', area };
      return htmlResponse(422, renderPage(outcome));
    case 'limited':
      return htmlResponse(429, renderPage({ kind: 'unavailable', values, area, busy: true }), { 'Retry-After': String(result.retryAfterSeconds) });
    case 'unavailable':
      return htmlResponse(503, renderPage({ kind: 'unavailable', values, area }), { 'Retry-After': String(retryAfterSeconds) });
  }
}

function resultResponse(result: SubmitResult, retryAfterSeconds: number): Response {
  switch (result.kind) {
    case 'accepted':
      return json(202, result.delivery === 'confirmed' ? { reference: result.reference } : { reference: result.reference, delivery: 'unconfirmed' });
    case 'invalid':
      return errorResponse('INVALID_REFERRAL', { issues: result.issues });
    case 'refused':
      return errorResponse(result.code);
    case 'limited':
      return errorResponse('REFERRAL_BUDGET_REACHED', {}, { 'Retry-After': String(result.retryAfterSeconds) });
    case 'unavailable':
      return errorResponse('DELIVERY_UNAVAILABLE', {}, { 'Retry-After': String(retryAfterSeconds) });
  }
}

function logEntry(result: SubmitResult): Entry {
  switch (result.kind) {
    case 'accepted':
      return result.outcome === 'bot' ? { outcome: 'bot', reason: result.reason } : { outcome: result.outcome, reference: result.reference, area: result.area };
    case 'invalid':
      return { outcome: 'invalid_referral' };
    case 'refused':
      return { outcome: result.code.toLowerCase(), area: result.area };
    case 'limited':
      return { outcome: 'budget_reached', area: result.area };
    case 'unavailable':
      return { outcome: 'delivery_unavailable', reference: result.reference, area: result.area, error: result.error };
  }
}

/** The class of an error, safe to log: its name and code, never its message. */
function errorClass(error: unknown): string {
  if (error && typeof error === 'object') {
    const { name, code } = error as { name?: unknown; code?: unknown };
    return [typeof name === 'string' ? name : 'Error', typeof code === 'string' ? code : ''].filter(Boolean).join(':');
  }
  return typeof error;
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname.replace(/\/+$/, '') || '/';
  } catch {
    return '';
  }
}

/**
 * Only this site's pages may post. A browser sends Origin on every POST: it must be one of the
 * configured origins (SITE_URL and ALLOWED_ORIGINS), never compared with the request's own Host. With
 * our no-referrer policy a plain form post may say "Origin: null"; then Fetch Metadata must say
 * same-origin, or, for a browser too old to send it, the post must be an HTML form post (which
 * carries nothing a cross-site page could gain from: there are no cookies or sessions). A JSON post
 * with no usable Origin is refused: every browser that runs the chat sends one.
 */
function originAllowed(request: Request, allowed: readonly string[], mode: 'json' | 'form' | undefined): boolean {
  const site = request.headers.get('sec-fetch-site');
  const origin = request.headers.get('origin');
  if (origin !== null && origin !== 'null') {
    // From another site, only the extra origins listed in ALLOWED_ORIGINS (our own is allowed[0]).
    const candidates = site === 'cross-site' || site === 'same-site' ? allowed.slice(1) : allowed;
    return candidates.includes(origin);
  }
  if (site !== null) return site === 'same-origin';
  return mode === 'form';
}

/** JSON from the chat, or a form post from the no-JavaScript page; anything else is refused. */
function bodyKind(contentType: string | null): 'json' | 'form' | undefined {
  if (/^application\/json\s*(;|$)/i.test(contentType ?? '')) return 'json';
  if (/^application\/x-www-form-urlencoded\s*(;|$)/i.test(contentType ?? '')) return 'form';
  return undefined;
}

/** Reads at most `limit` bytes: the declared length is checked first, then the bytes as they arrive. */
async function readBody(request: Request, limit: number): Promise<{ ok: true; text: string } | { ok: false }> {
  const declaredHeader = request.headers.get('content-length');
  const declared = declaredHeader === null ? undefined : Number(declaredHeader);
  if (declared !== undefined && !(declared <= limit)) return { ok: false };
  if (declared !== undefined) {
    // Declared and small: read it in one go. (The local server's adapter reads it without a Web
    // stream, as long as `request.body` is not touched.)
    const text = await request.text();
    return Buffer.byteLength(text) <= limit ? { ok: true, text } : { ok: false };
  }
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

export function errorResponse(code: ErrorCode, fields: { issues?: FieldIssue[] } = {}, headers: Record<string, string> = {}): Response {
  return json(errorCodes[code].status, { error: { code, ...fields } }, headers);
}

/** The handler Netlify runs, and the local server mounts. */
const handler = createReferralHandler({ dependencies: productionDependencies });
export default handler;

/** Netlify Functions settings: the addresses, and the platform's per-IP rate limit (checked first). */
export const config = {
  path: [REFERRAL_PATH, TOKEN_PATH],
  rateLimit: { windowLimit: 10, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};
