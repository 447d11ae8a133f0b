import { baseSecurityHeaders, nonPageCsp } from '../../src/lib/security-headers.ts';
import { clientKey } from './client-address.ts';
import { errorCodes, type ErrorCode } from './errors.ts';
import { field as catalogueField, isFieldId, stepById, stepOf } from '../../referral/catalogue.ts';
import type { Answers } from '../../referral/conditions.ts';
import { areaVars, nextStepKeys, outcomeLines, siteMaySend } from '../../referral/outcome.ts';
import { helpLinesFor, noSafeWay } from '../../referral/rules.ts';
import type { FieldIssue } from '../../referral/schema.ts';
import { toAreaFacts } from '../../src/lib/area-facts.ts';
import { areaByCode } from '../../src/lib/areas.ts';
import { issueText } from '../../src/lib/issue-words.ts';
import { loadWords } from '../../src/lib/locale.ts';
import { fillLoose, lookup, type Words } from '../../src/lib/words.ts';
import { answersFromForm, listOf, nextPage, OUTCOME, pageIssues, screeningDone, type FormIssue } from '../../referral/form-pages.ts';
import { keyFromAnswers } from './form.ts';
import { jsonLineLogger, type Logger, type RequestLog } from './log.ts';
import { renderPage, type PageOutcome } from './page.ts';

const stepOfField = (id: string) => stepOf(catalogueField(id));
import { productionDependencies } from './production.ts';
import { fixedWindowLimiter, type RateLimiter } from './rate-limit.ts';
import { submitReferral, type Dependencies, type SubmitResult } from './submit.ts';
import { issueToken } from './token.ts';

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
      const words = await loadWords().catch(() => ({}));
      const response = mode === 'form' ? htmlResponse(500, renderPage({ kind: 'error' }, words)) : errorResponse('INTERNAL_ERROR');
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
    mode === 'form' ? htmlResponse(errorCodes[code].status, renderPage({ kind: 'error' }, deps.words), headers) : errorResponse(code, {}, headers);

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
    const response = mode === 'form' ? htmlResponse(429, renderPage({ kind: 'busy' }, deps.words), headers) : errorResponse('RATE_LIMITED', {}, headers);
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
  return done(resultResponse(result, settings.retryAfterSeconds, deps.words), logEntry(result));
}

/**
 * The no-JavaScript form: each post carries every answer so far and says which steps were on the page
 * (`_page`) and which were shown before (`_seen`). The answers on the page are checked; then the next
 * page is worked out from the catalogue: more questions, what the answers mean, or check your answers,
 * whose send button carries a signed token, so the time trap holds for the form too and nothing is sent
 * before the person has seen what will be.
 */
async function formPost(form: URLSearchParams, deps: Dependencies, key: string, done: (response: Response, entry: Entry) => Response): Promise<Response> {
  const answers = answersFromForm(form);
  const seen = listOf(form.get('_seen'));
  const posted = listOf(form.get('_page'));
  const action = form.get('_action') ?? 'continue';
  const returnTo = form.get('_return') === 'check' ? ('check' as const) : undefined;
  const view = formView(answers, deps);

  if (action === 'send') {
    const referral = { answers, idempotencyKey: keyFromAnswers(answers), token: form.get('token') ?? undefined, website: form.get('website') ?? '' };
    const result = await submitReferral(referral, deps, { clientKey: key });
    return done(formResult(result, answers, seen, view, deps), logEntry(result));
  }
  if (action.startsWith('change:') && stepById(action.slice('change:'.length))) {
    const step = action.slice('change:'.length);
    return done(htmlResponse(200, renderPage(view.questions([step], seen, 'check'), deps.words)), { outcome: 'form_page' });
  }
  const issues = pageIssues(answers, posted.filter((step) => step !== OUTCOME));
  if (issues.length > 0) return done(htmlResponse(400, renderPage(view.questions(posted.filter((step) => step !== OUTCOME), seen, returnTo, issues), deps.words)), { outcome: 'invalid_referral' });
  const nowSeen = [...new Set([...seen, ...posted])];
  return done(htmlResponse(200, renderPage(view.next(nowSeen, returnTo), deps.words)), { outcome: 'form_page', area: view.area?.code });
}

/** The pages of the form for these answers: the area's facts and the words they are filled in with. */
function formView(answers: Answers, deps: Dependencies) {
  const record = typeof answers.area === 'string' ? areaByCode(answers.area) : undefined;
  const area = record ? toAreaFacts(record, deps.settings.nationalRoute) : undefined;
  const vars = areaVars(area);
  const say = (key: string, extra: Record<string, string> = {}) => fillLoose(lookup(deps.words, key) ?? `[${key}]`, { ...vars, ...extra });
  const title = say('form.title');
  const view = {
    area,
    questions: (steps: string[], seen: readonly string[], returnTo?: 'check', issues: FormIssue[] = []): PageOutcome => ({
      kind: 'form',
      title,
      area: undefined,
      form: {
        answers, seen, steps, issues, vars, returnTo,
        notes: [
          // No way is safe: said kindly on the page that asks for their name, as the chat does.
          ...(steps.includes('yourDetails') && noSafeWay(answers) ? [say('noSafeWayFirst')] : []),
          ...(steps.includes('consent') ? [say(`consentExplain.${area?.route === 'national' ? 'national' : 'local'}`)] : []),
        ],
      },
    }),
    outcome: (seen: readonly string[]): PageOutcome => ({
      kind: 'form',
      title: say('form.outcomeTitle'),
      area: area?.code,
      helpLines: helpLinesFor(answers),
      form: { answers, seen, steps: [OUTCOME], vars, notes: outcomeLines(answers, area).map((line) => say(line.key, line.vars)), canContinue: siteMaySend(answers, area) },
    }),
    check: (seen: readonly string[]): PageOutcome => ({
      kind: 'form',
      title: say('form.checkTitle'),
      intro: say('form.checkIntro'),
      form: { answers, seen, steps: [], vars, notes: noSafeWay(answers) ? [say('noSafeWayFirst')] : [], check: { token: issueToken(deps.secret, deps.now().getTime()) } },
    }),
    next(seen: readonly string[], returnTo?: 'check'): PageOutcome {
      if (screeningDone(answers, seen) && (!seen.includes(OUTCOME) || !siteMaySend(answers, area))) return view.outcome([...seen.filter((step) => step !== OUTCOME)]);
      const page = nextPage(answers, seen);
      if (page.length > 0) return view.questions(page, seen, returnTo);
      return view.check(seen);
    },
  };
  return view;
}

/** The page for a send from the form, with the same status the JSON answer would have. */
function formResult(result: SubmitResult, answers: Answers, seen: readonly string[], view: ReturnType<typeof formView>, deps: Dependencies): Response {
  const words = deps.words;
  const say = (key: string, vars: Record<string, string> = {}) => fillLoose(lookup(words, key) ?? `[${key}]`, vars);
  const recipient = view.area?.recipient ?? '';
  const checkAgain = (intro: string): PageOutcome => ({ ...view.check(seen), intro, area: view.area?.code } as PageOutcome);
  switch (result.kind) {
    case 'accepted': {
      const vars = { recipient, reference: result.reference };
      const next = nextStepKeys(answers, view.area?.route).map((key) => say(key, vars));
      return htmlResponse(202, renderPage({ kind: 'sent', reference: result.reference, area: view.area?.code, recipient, unconfirmed: result.delivery === 'unconfirmed', next }, words));
    }
    case 'invalid':
      return htmlResponse(400, renderPage(view.questions(firstStepsWith(result.issues), seen, 'check', result.issues.map((issue) => ({ field: issue.path.replace(/^answers\./, ''), code: issue.code }))), words));
    case 'refused':
      if (result.code === 'CONSENT_REQUIRED') return htmlResponse(422, renderPage(view.questions(['consent'], seen, 'check', [{ field: 'consent', code: 'consent' }]), words));
      if (result.code === 'IDEMPOTENCY_KEY_REUSED') return htmlResponse(422, renderPage({ kind: 'error' }, words));
      return htmlResponse(422, renderPage({ kind: 'contacts', title: say('form.result.notAcceptingTitle'), lines: [say('outcome.contactDirectly', { area: view.area?.name ?? '' })], area: view.area?.code }, words));
    case 'not-offered':
      return htmlResponse(422, renderPage(view.outcome(seen), words));
    case 'limited':
      return htmlResponse(429, renderPage(checkAgain(say('form.result.limitedIntro')), words), { 'Retry-After': String(result.retryAfterSeconds) });
    case 'unavailable':
      return htmlResponse(503, renderPage(checkAgain(say('form.result.unavailableIntro', { recipient })), words), { 'Retry-After': String(deps.settings.retryAfterSeconds) });
  }
}

/** The steps holding the fields an issue list names. */
function firstStepsWith(issues: readonly FieldIssue[]): string[] {
  const ids = issues.map((issue) => issue.path.replace(/^answers\./, ''));
  return [...new Set(ids.map((id) => (isFieldId(id) ? stepOfField(id) : undefined)).filter((step): step is string => Boolean(step)))];
}

function resultResponse(result: SubmitResult, retryAfterSeconds: number, words: Words): Response {
  switch (result.kind) {
    case 'accepted':
      return json(202, result.delivery === 'confirmed' ? { reference: result.reference } : { reference: result.reference, delivery: 'unconfirmed' });
    case 'invalid':
      return errorResponse('INVALID_REFERRAL', {
        issues: result.issues.map((issue) => ({ ...issue, message: issueText(words, issue.path.replace(/^answers\./, ''), issue.code) })),
      });
    case 'refused':
      return errorResponse(result.code);
    case 'not-offered':
      return errorResponse('REFERRAL_NOT_OFFERED', { reason: result.block });
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
    case 'not-offered':
      return { outcome: 'not_offered', area: result.area, reason: result.block };
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

export function errorResponse(code: ErrorCode, fields: { issues?: (FieldIssue & { message: string })[]; reason?: string } = {}, headers: Record<string, string> = {}): Response {
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
