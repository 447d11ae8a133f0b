import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capturingTransport, post, testHandler } from '../support/referral-handler.ts';
import { referrals } from '../fixtures/referrals.ts';
import valid from '../fixtures/referral.valid.json' with { type: 'json' };
import { areas } from '../../src/lib/areas.ts';
import { nationalRoute } from '../../src/lib/national-route.ts';

/** Every path in the valid fixture that holds a string. */
function stringPaths(value: unknown, prefix: string[] = []): string[][] {
  if (typeof value === 'string') return [prefix];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringPaths(item, [...prefix, String(i)]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => stringPaths(item, [...prefix, key]));
  return [];
}

function setAt(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path.at(-1) ?? ''] = value;
}

const nasty = fc.oneof(
  fc.constantFrom(
    'x\r\nBcc: attacker@evil.example',
    'x\nTo: attacker@evil.example',
    'attacker@evil.example\r\nX-Injected: yes',
    '=?utf-8?q?Bcc:_a@b?=',
    '\u0000\u0007\u001b[31m',
    '\u2028\u2029',
    '😀 Zoë Łódź 李 مرحبا',
    '<script>alert(1)</script>',
    '',
    ' ',
    'a'.repeat(20_000),
  ),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 2000 }),
);

const mutatedFixture = fc
  .record({
    path: fc.constantFrom(...stringPaths(valid)),
    value: nasty,
    extra: fc.option(fc.constantFrom('to', 'bcc', 'cc', 'recipient', 'replyTo', 'headers', '__proto__', 'subject'), { nil: undefined }),
    extraValue: fc.oneof(fc.constant('attacker@evil.example'), fc.constant({ Bcc: 'attacker@evil.example' }), fc.constant(['a@evil.example'])),
  })
  .map(({ path, value, extra, extraValue }) => {
    const body = referrals.valid() as Record<string, unknown>;
    setAt(body, path, value);
    if (extra) body[extra] = extraValue;
    return body;
  });

// A valid referral with a nasty free-text answer: most are delivered (to our inbox only), so the nasty
// text reaches the email itself, not just validation. (Injected keys are refused by name: mutatedFixture.)
const nastyButValid = fc
  .record({
    field: fc.constantFrom('message', 'accessNeeds', 'name', 'crimeReference'),
    value: nasty,
  })
  .map(({ field, value }) => {
    const body = referrals.valid() as Record<string, unknown> & { answers: Record<string, unknown> };
    body.answers[field] = value;
    nastyBodies.add(body);
    return body;
  });
const nastyBodies = new WeakSet<object>();

const anyJson = fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.object({ maxDepth: 3 }));

const inboxes = new Set([...areas.flatMap((area) => (area.referralEmail ? [area.referralEmail.address] : [])), nationalRoute.recipient.email]);
const allowedHeaders = new Set([
  'content-type', 'from', 'to', 'subject', 'message-id', 'date', 'mime-version', 'x-referral-reference', 'auto-submitted',
  'content-transfer-encoding',
]);

describe('the referral function under generated bodies', () => {
  it('never answers 5xx, never delivers elsewhere than an area inbox, never adds a header (1,200 bodies)', async () => {
    const transport = capturingTransport();
    const { handler } = testHandler(transport);
    const nastyText = { tried: 0, delivered: 0 };
    await fc.assert(
      fc.asyncProperty(fc.oneof({ arbitrary: mutatedFixture, weight: 3 }, { arbitrary: nastyButValid, weight: 1 }, { arbitrary: anyJson, weight: 1 }), async (body) => {
        const before = transport.sent.length;
        const response = await handler(post(body));
        expect(response.status).toBeLessThan(500);
        if (typeof body === 'object' && body !== null && nastyBodies.has(body)) {
          nastyText.tried += 1;
          if (transport.sent.length > before) nastyText.delivered += 1;
        }
        for (const sent of transport.sent.slice(before)) {
          expect(sent.envelope.to).toHaveLength(1);
          expect(inboxes.has(sent.envelope.to[0] ?? '')).toBe(true);
          const headerNames = (sent.message.split('\n\n')[0] ?? '')
            .split('\n')
            .filter((line) => /^[A-Za-z-]+:/.test(line))
            .map((line) => line.slice(0, line.indexOf(':')).toLowerCase());
          for (const name of headerNames) expect(allowedHeaders.has(name), name).toBe(true);
        }
      }),
      // A fixed seed: the same 1,200 bodies on every run, so the count below cannot drift (change the seed to explore).
      { numRuns: 1200, seed: 20261201 },
    );
    // The generated bodies must reach delivery often enough to test it, not just validation.
    expect(transport.sent.length).toBeGreaterThan(25);
    // Nasty text in a free-text answer is written into the email, not refused: at least a third of those bodies are delivered.
    expect(nastyText.tried).toBeGreaterThan(100);
    expect(nastyText.delivered).toBeGreaterThan(nastyText.tried / 3);
  }, 120_000);
});
