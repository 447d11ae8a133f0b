import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../functions/referral/errors.ts';
import { fixedWindowLimiter } from '../../functions/referral/rate-limit.ts';
import { createReferralHandler } from '../../functions/referral/referral.ts';
import { settingsFromEnv } from '../../functions/referral/settings.ts';
import { capturingTransport, post, testHandler, testOrigin } from '../support/referral-handler.ts';
import { referrals } from '../fixtures/referrals.ts';

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
    const big = JSON.stringify({ ...referrals.valid(), message: 'a'.repeat(17_000) });
    const declared = await handler(post(big, { 'content-length': String(big.length) }));
    expect(declared.status).toBe(413);
    const stream = new ReadableStream({ start(controller) { controller.enqueue(new TextEncoder().encode(big)); controller.close(); } });
    const streamed = await handler(new Request(`${testOrigin}/api/referral`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit));
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

  it('accepts a same-origin form post that says "Origin: null" (our no-referrer policy), but not without Fetch Metadata', async () => {
    const { handler } = setUp();
    const form = (headers: Record<string, string>) =>
      new Request(`${testOrigin}/api/referral`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: 'area=E23000004' });
    expect((await handler(form({ origin: 'null', 'sec-fetch-site': 'same-origin' }))).status).toBe(400);
    expect((await handler(form({ origin: 'null' }))).status).toBe(403);
    expect((await handler(form({ origin: 'null', 'sec-fetch-site': 'cross-site' }))).status).toBe(403);
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
    const response = await handler(post({ area: 'nowhere', name: '' }));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; issues: { path: string; message: string }[] } };
    expect(body.error.code).toBe('INVALID_REFERRAL');
    expect(body.error.issues.map((issue) => issue.path)).toEqual(expect.arrayContaining(['area', 'name', 'asker', 'screening', 'consent']));
    expect(JSON.stringify(body)).not.toMatch(/at \w+ \(|node_modules|Error:/);
  });

  it('answers 422 when consent is missing, or the area has no referral inbox, or is unknown', async () => {
    const { handler, transport } = setUp();
    expect(await errorCode(await handler(post(referrals.noConsent())))).toBe('CONSENT_REQUIRED');
    const noInbox = await handler(post(referrals.areaWithoutInbox()));
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
    const changed = await handler(post({ ...body, name: 'Alex' }));
    expect(changed.status).toBe(422);
    expect(await errorCode(changed)).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(transport.sent).toHaveLength(1);
  });

  it('answers a bot exactly like success, and sends nothing', async () => {
    const { handler, transport, logs } = setUp();
    for (const body of [referrals.honeypotFilled(), referrals.tooFast()]) {
      const response = await handler(post(body));
      expect(response.status).toBe(202);
      expect(Object.keys((await response.json()) as object)).toEqual(['reference']);
    }
    expect(transport.sent).toHaveLength(0);
    expect(logs.map((log) => log.outcome)).toEqual(['bot', 'bot']);
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
      dependencies: () => ({
        settings: settingsFromEnv({}),
        transport: capturingTransport(),
        store: {
          claim: () => {
            throw new Error('secret store failure');
          },
          size: () => 0,
        },
        now: () => new Date(),
      }),
      logger: (entry) => logs.push(entry),
      rateLimiter: () => ({ allowed: true }),
    });
    const response = await handler(post(referrals.valid()));
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: { code: 'INTERNAL_ERROR' } });
    expect(logs).toEqual([expect.objectContaining({ outcome: 'internal_error', status: 500 })]);
  });
});

describe('the request log', () => {
  it('has one line per request with reference, area, outcome and timing, and nothing a person wrote', async () => {
    const { handler, logs } = setUp();
    const body = referrals.valid();
    await handler(post(body));
    await handler(post({ ...referrals.valid(), name: 'Private Name', crimeReference: '<bad>' }));
    expect(logs).toHaveLength(2);
    expect(logs[0]).toEqual({ outcome: 'delivered', status: 202, ms: expect.any(Number), reference: expect.stringMatching(/^RJ-/), area: 'E23000004' });
    const text = JSON.stringify(logs);
    for (const secret of ['Sam', '07700', 'sam@example.org', 'Private Name', 'house', 'MP/12345', 'wheelchair', '<bad>']) expect(text).not.toContain(secret);
  });
});
