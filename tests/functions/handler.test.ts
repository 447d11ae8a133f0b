import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../functions/referral/errors.ts';
import { fixedWindowLimiter } from '../../functions/referral/rate-limit.ts';
import { createReferralHandler } from '../../functions/referral/referral.ts';
import { referenceFor } from '../../functions/referral/reference.ts';
import { settingsFromEnv } from '../../functions/referral/settings.ts';
import { capturingTransport, noPace, post, testHandler, testOrigin } from '../support/referral-handler.ts';
import { emptyStore, testStore } from '../support/store.ts';
import { loadWords } from '../../src/lib/locale.ts';
import { referrals, testSecret, tokenIssued, type Body } from '../fixtures/referrals.ts';

/** A referral with some answers changed. */
const changed = (body: Body, answers: Record<string, unknown>): Body => ({ ...body, answers: { ...body.answers, ...answers } as Body['answers'] });

const setUp = (options: Parameters<typeof testHandler>[1] = {}) => {
  const transport = capturingTransport();
  return { transport, ...testHandler(transport, options) };
};
const errorCode = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

describe('the referral function over HTTP', () => {
  it('answers 202 with a reference once the message is accepted', async () => {
    const { handler, transport } = setUp();
    const response = await handler(post(referrals.valid()));
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ reference: expect.stringMatching(/^RJ-[A-Z0-9]{4}-[A-Z0-9]{4}$/) });
    expect(transport.sent).toHaveLength(1);
  });

  it('sends JSON with no-store and the site’s security headers on every answer', async () => {
    const { handler } = setUp();
    for (const response of [await handler(post(referrals.valid())), await handler(post('{')), await handler(new Request(`${testOrigin}/api/referral`))]) {
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('strict-transport-security')).toContain('max-age=63072000');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it('answers 405 to anything but POST', async () => {
    const { handler } = setUp();
    const response = await handler(new Request(`${testOrigin}/api/referral`, { method: 'GET' }));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(await errorCode(response)).toBe('METHOD_NOT_ALLOWED');
  });

  it('answers 415 when the body is not JSON', async () => {
    const { handler } = setUp();
    const response = await handler(post(JSON.stringify(referrals.valid()), { 'content-type': 'text/plain' }));
    expect(response.status).toBe(415);
    expect(await errorCode(response)).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers 413 over 16 KB, by the declared length and by what arrives', async () => {
    const { handler, transport } = setUp();
    const big = JSON.stringify(changed(referrals.valid(), { message: 'a'.repeat(17_000) }));
    const declared = await handler(post(big, { 'content-length': String(big.length) }));
    expect(declared.status).toBe(413);
    const stream = new ReadableStream({ start(controller) { controller.enqueue(new TextEncoder().encode(big)); controller.close(); } });
    const streamed = await handler(new Request(`${testOrigin}/api/referral`, { method: 'POST', headers: { 'content-type': 'application/json', origin: testOrigin }, body: stream, duplex: 'half' } as RequestInit));
    expect(streamed.status).toBe(413);
    expect(await errorCode(streamed)).toBe('PAYLOAD_TOO_LARGE');
    expect(transport.sent).toHaveLength(0);
  });

  it('answers 403 to a post from another site', async () => {
    const { handler, transport } = setUp();
    expect((await handler(post(referrals.valid(), { origin: 'https://evil.example' }))).status).toBe(403);
    expect((await handler(post(referrals.valid(), { 'sec-fetch-site': 'cross-site' }))).status).toBe(403);
    expect(transport.sent).toHaveLength(0);
  });

  it('compares Origin with the configured origins, never with the Host the request names', async () => {
    const { handler } = setUp();
    const spoofed = new Request('https://evil.example/api/referral', { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://evil.example' }, body: JSON.stringify(referrals.valid()) });
    expect((await handler(spoofed)).status).toBe(403);
  });

  it('accepts a same-origin form post that says "Origin: null" (our no-referrer policy), and an old browser’s form post with no Fetch Metadata', async () => {
    const { handler } = setUp();
    const form = (headers: Record<string, string>) =>
      new Request(`${testOrigin}/api/referral`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: 'area=E23000004' });
    // Accepted: the form flow answers with its next page (200), not a refusal.
    expect((await handler(form({ origin: 'null', 'sec-fetch-site': 'same-origin' }))).status).toBe(200);
    expect((await handler(form({ origin: 'null' }))).status).toBe(200);
    expect((await handler(form({}))).status).toBe(200);
    expect((await handler(form({ origin: 'null', 'sec-fetch-site': 'cross-site' }))).status).toBe(403);
    expect((await handler(form({ 'sec-fetch-site': 'same-site' }))).status).toBe(403);
  });

  it('refuses a JSON post with no usable Origin (every browser running the chat sends one)', async () => {
    const { handler } = setUp();
    const bare = new Request(`${testOrigin}/api/referral`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(referrals.valid()) });
    expect((await handler(bare)).status).toBe(403);
    expect((await handler(post(referrals.valid(), { origin: 'null' }))).status).toBe(403);
    expect((await handler(post(referrals.valid(), { origin: 'null', 'sec-fetch-site': 'same-origin' }))).status).toBe(202);
  });

  it('accepts origins listed in ALLOWED_ORIGINS', async () => {
    const { handler } = setUp({ settings: { allowedOrigins: ['https://rj.example.org'] } });
    expect((await handler(post(referrals.valid(), { origin: 'https://rj.example.org' }))).status).toBe(202);
  });

  it('answers 400 INVALID_JSON to a body that is not JSON', async () => {
    const { handler } = setUp();
    const response = await handler(post('{"area":'));
    expect(response.status).toBe(400);
    expect(await errorCode(response)).toBe('INVALID_JSON');
  });

  it('answers 400 INVALID_REFERRAL with every field issue, and never an internal message', async () => {
    const { handler } = setUp();
    const response = await handler(post({ answers: { area: 'nowhere', name: '', asker: 'person-harmed' }, idempotencyKey: crypto.randomUUID() }));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; issues: { path: string; message: string }[] } };
    expect(body.error.code).toBe('INVALID_REFERRAL');
    expect(body.error.issues.map((issue) => issue.path)).toEqual(expect.arrayContaining(['answers.area', 'answers.name']));
    expect(body.error.issues.find((issue) => issue.path === 'answers.name')?.message).toBe('Enter a name for them to use. A first name is fine');
    // Once the answers are well formed, every question that applies and is missing is listed too.
    const incomplete = await handler(post({ answers: { asker: 'person-harmed', area: 'E23000004' }, idempotencyKey: crypto.randomUUID() }));
    const issues = ((await incomplete.json()) as typeof body).error.issues;
    expect(issues.map((issue) => issue.path)).toEqual(expect.arrayContaining(['answers.askerAge', 'answers.harm', 'answers.contactWays', 'answers.consent']));
    expect(issues.every((issue) => issue.message.length > 0)).toBe(true);
    expect(JSON.stringify(body)).not.toMatch(/at \w+ \(|node_modules|Error:/);
  });

  it('answers 422 when consent is missing, or the area has no route (national route off), or is unknown', async () => {
    const { handler, transport } = setUp({ settings: { nationalRoute: false } });
    expect(await errorCode(await handler(post(referrals.noConsent())))).toBe('CONSENT_REQUIRED');
    const noInbox = await handler(post(referrals.nationalRoute()));
    expect(noInbox.status).toBe(422);
    expect(await errorCode(noInbox)).toBe('AREA_NOT_ACCEPTING_ONLINE_REFERRALS');
    expect(await errorCode(await handler(post(referrals.unknownArea())))).toBe('UNKNOWN_AREA');
    expect(transport.sent).toHaveLength(0);
  });

  it('replays the same reference for the same key, and refuses the key with other answers', async () => {
    const { handler, transport } = setUp();
    const body = referrals.valid();
    const first = (await (await handler(post(body))).json()) as { reference: string };
    const again = await handler(post(body));
    expect(again.status).toBe(202);
    expect(await again.json()).toEqual(first);
    const other = await handler(post(changed(body, { name: 'Alex' })));
    expect(other.status).toBe(422);
    expect(await errorCode(other)).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(transport.sent).toHaveLength(1);
  });

  it('answers a bot exactly like success, and sends nothing: the hidden field, no token, a token too new, expired or forged', async () => {
    const { handler, transport, logs } = setUp();
    const forged = { ...referrals.valid(), token: tokenIssued(60_000).replace(/.$/, (last) => (last === 'A' ? 'B' : 'A')) };
    for (const body of [referrals.honeypotFilled(), referrals.noToken(), referrals.tooFast(), referrals.expiredToken(), forged]) {
      const response = await handler(post(body));
      expect(response.status).toBe(202);
      const answer = (await response.json()) as { reference: string };
      expect(Object.keys(answer)).toEqual(['reference']);
      expect(answer.reference).toBe(referenceFor(body.idempotencyKey, testSecret));
    }
    expect(transport.sent).toHaveLength(0);
    expect(logs.map((log) => log.outcome)).toEqual(['bot', 'bot', 'bot', 'bot', 'bot']);
    expect(logs.map((log) => log.reason)).toEqual(['hidden-field', 'token-missing', 'token-too-soon', 'token-expired', 'token-forged']);
  });

  it('treats a token used for another referral as a bot, but lets the same referral retry with it', async () => {
    const { handler, transport, logs } = setUp();
    const first = referrals.valid();
    expect((await handler(post(first))).status).toBe(202);
    expect((await handler(post(first))).status).toBe(202);
    const replayed = { ...referrals.valid(), token: first.token };
    expect((await handler(post(replayed))).status).toBe(202);
    expect(transport.sent).toHaveLength(1);
    expect(logs.map((log) => log.outcome)).toEqual(['delivered', 'replayed', 'bot']);
  });

  it('answers caught bots after as long as a real delivery takes', async () => {
    const waits: number[] = [];
    const pace = { record: () => {}, wait: async () => void waits.push(Date.now()) };
    const { handler } = testHandler(capturingTransport(), { pace });
    await handler(post(referrals.noToken()));
    await handler(post(referrals.valid()));
    expect(waits).toHaveLength(1);
  });

  it('issues time-trap tokens at /api/referral/token, signed and fresh', async () => {
    const { handler } = setUp();
    const response = await handler(new Request(`${testOrigin}/api/referral/token`));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const { token } = (await response.json()) as { token: string };
    expect(token).toMatch(/^v1\.\d+\.[\w-]{16}\.[\w-]{43}$/);
    expect((await handler(new Request(`${testOrigin}/api/referral/token`, { method: 'POST' }))).status).toBe(405);
  });

  it('limits each address to its quota, answering 429 with Retry-After', async () => {
    const { handler } = setUp({ rateLimiter: fixedWindowLimiter({ limit: 2, windowMs: 60_000 }) });
    await handler(post(referrals.valid()), { ip: '192.0.2.1' });
    await handler(post(referrals.valid()), { ip: '192.0.2.1' });
    const limited = await handler(post(referrals.valid()), { ip: '192.0.2.1' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await errorCode(limited)).toBe('RATE_LIMITED');
    expect((await handler(post(referrals.valid()), { ip: '192.0.2.2' })).status).toBe(202);
  });

  it('keeps to the area’s budget of referrals per hour, across instances, and tells the person to wait', async () => {
    const transport = capturingTransport();
    const store = emptyStore();
    const one = testHandler(transport, { settings: { areaBudget: 2 }, store });
    const other = testHandler(transport, { settings: { areaBudget: 2 }, store });
    expect((await one.handler(post(referrals.valid()))).status).toBe(202);
    expect((await other.handler(post(referrals.valid()))).status).toBe(202);
    const over = await one.handler(post(referrals.valid()));
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await errorCode(over)).toBe('REFERRAL_BUDGET_REACHED');
    expect((await other.handler(post(referrals.domesticAbuse()))).status).toBe(429);
    expect((await one.handler(post(changed(referrals.valid(), { area: 'E23000030' })))).status).toBe(202);
    expect(transport.sent).toHaveLength(3);
  });

  it('keeps to each address’s budget, counting an IPv6 /64 as one address', async () => {
    const { handler, transport } = setUp({ settings: { addressBudget: 1 }, store: emptyStore() });
    expect((await handler(post(referrals.valid()), { ip: '2001:db8:1:2::10' })).status).toBe(202);
    expect((await handler(post(referrals.valid()), { ip: '2001:db8:1:2:ffff::20' })).status).toBe(429);
    expect((await handler(post(referrals.valid()), { ip: '2001:db8:1:3::10' })).status).toBe(202);
    expect(transport.sent).toHaveLength(2);
  });

  it('uses only codes from the registry, each with its status', async () => {
    const { handler } = setUp();
    const responses = [
      await handler(new Request(`${testOrigin}/api/referral`)),
      await handler(post('x', { 'content-type': 'text/plain' })),
      await handler(post('{')),
      await handler(post({})),
      await handler(post(referrals.noConsent())),
    ];
    for (const response of responses) {
      const code = (await errorCode(response)) as keyof typeof errorCodes;
      expect(errorCodes[code]?.status).toBe(response.status);
    }
  });
});

describe('when something unexpected breaks', () => {
  it('a transport failing in an unknown way gives 503 and never its message', async () => {
    const { handler, logs } = testHandler({
      send: async () => {
        throw new TypeError('secret internal detail at /srv/app.js:1');
      },
    });
    const response = await handler(post(referrals.valid()));
    expect(response.status).toBe(503);
    expect(await response.text()).not.toContain('secret');
    expect(logs[0]?.error).toBe('EUNKNOWN');
  });

  it('any other failure gives 500 INTERNAL_ERROR with no detail', async () => {
    const logs: { outcome: string }[] = [];
    const handler = createReferralHandler({
      dependencies: async () => {
        const store = await testStore();
        return {
          settings: settingsFromEnv({}),
          transport: capturingTransport(),
          store: {
            ...store,
            claims: {
              ...store.claims,
              claim: () => {
                throw new Error('secret store failure');
              },
            },
          },
          secret: testSecret,
          now: () => new Date(),
          words: await loadWords(),
          pace: noPace,
        };
      },
      logger: (entry) => logs.push(entry),
      rateLimiter: () => ({ allowed: true }),
    });
    const response = await handler(post(referrals.valid()));
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: { code: 'INTERNAL_ERROR' } });
    expect(logs).toEqual([expect.objectContaining({ outcome: 'internal_error', status: 500, error: 'Error' })]);
    expect(JSON.stringify(logs)).not.toContain('secret');
  });
});

describe('the request log', () => {
  it('has one line per request with reference, area, outcome and timing, and nothing a person wrote', async () => {
    const { handler, logs } = setUp();
    const body = referrals.valid();
    await handler(post(body));
    await handler(post(changed(referrals.valid(), { name: 'Private Name', crimeReference: '<bad>' })));
    expect(logs).toHaveLength(2);
    expect(logs[0]).toEqual({ outcome: 'delivered', status: 202, ms: expect.any(Number), reference: referenceFor(body.idempotencyKey, testSecret), area: 'E23000004' });
    const text = JSON.stringify(logs);
    for (const secret of ['Sam', '07700', 'sam@example.org', 'Private Name', 'house', 'MP/12345', 'wheelchair', '<bad>']) expect(text).not.toContain(secret);
  });
});

describe('protections that must not be switched off', () => {
  it('the function Netlify runs limits each address by default (REFERRAL_RATE_LIMIT, 10 a minute)', async () => {
    const { default: handler } = await import('../../functions/referral/referral.ts');
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1) {
      statuses.push((await handler(new Request(`${testOrigin}/api/referral`, { method: 'POST', headers: { origin: testOrigin, 'content-type': 'text/plain' }, body: 'x' }), { ip: '198.51.100.7' })).status);
    }
    expect(statuses.slice(0, 10).every((status) => status === 415)).toBe(true);
    expect(statuses[10]).toBe(429);
    expect(settingsFromEnv({}).rateLimit).toEqual({ limit: 10, windowMs: 60_000 });
  });

  it('the Netlify config asks the platform to rate-limit per address, on both paths', async () => {
    const { config } = await import('../../functions/referral/referral.ts');
    expect(config.path).toEqual(['/api/referral', '/api/referral/token']);
    expect(config.rateLimit).toEqual({ windowLimit: 10, windowSize: 60, aggregateBy: ['ip', 'domain'] });
  });

  it('single-line answers refuse direction overrides and invisible characters, with a plain message', async () => {
    const { handler, transport } = setUp();
    for (const name of ['Sam\u202Eevil', 'Sam\u2066x\u2069', 'S\u200Bam', 'S\uFEFFam']) {
      const response = await handler(post(changed(referrals.valid(), { name })));
      expect(response.status, JSON.stringify(name)).toBe(400);
      const body = (await response.json()) as { error: { issues: { path: string; message: string }[] } };
      expect(body.error.issues).toEqual([{ path: 'answers.name', code: 'hidden-character', message: expect.stringMatching(/hidden character/) }]);
    }
    // Joiners that Persian and Indic names need are fine.
    expect((await handler(post(changed(referrals.valid(), { name: 'می\u200Cخواهم' })))).status).toBe(202);
    expect(transport.sent).toHaveLength(1);
  });

  it('says so when the provider may already have it (the SMTP answer was lost), and never sends it blind again', async () => {
    const { DeliveryError } = await import('../../functions/referral/deliver.ts');
    let sends = 0;
    const { handler } = testHandler({
      send: async () => {
        sends += 1;
        throw new DeliveryError('EDEADLINE', 'unknown');
      },
    });
    const body = referrals.valid();
    const first = await handler(post(body));
    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({ reference: referenceFor(body.idempotencyKey, testSecret), delivery: 'unconfirmed' });
    const retry = await handler(post(body));
    expect(await retry.json()).toEqual({ reference: referenceFor(body.idempotencyKey, testSecret), delivery: 'unconfirmed' });
    expect(sends).toBe(1);
  });
});
